import type { EventKind, RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import type { EventView } from '../event/event.mapper';
import { Direction } from './entity.args';
import type { EntityRow, RelationshipRow } from '../../store/entities.store';

/** A stable relationship as the Relationship type resolves it: from → to. */
export type RelationshipView = Omit<RelationshipRow, 'outgoing' | 'other'> & { from: EntityRow; to: EntityRow };

/** The stable relationships of `entity` (batched per request), seen as from → to. */
export async function relationshipsOf(
  entity: EntityRow,
  { loaders }: Context,
  filter: { types?: readonly RelationshipType[]; direction?: Direction },
): Promise<RelationshipView[]> {
  const rows = await loaders.relationships.load(entity.id);
  const direction = filter.direction ?? Direction.BOTH;
  return rows
    .filter((r) => !filter.types?.length || filter.types.includes(r.type as RelationshipType))
    .filter((r) => direction === Direction.BOTH || r.outgoing === (direction === Direction.OUT))
    .map(({ outgoing, other, ...rest }) => ({ ...rest, from: outgoing ? entity : other, to: outgoing ? other : entity }));
}

/** The other ends of the matching relationships. */
export async function relatedEntities(
  entity: EntityRow,
  context: Context,
  types: RelationshipType[],
  direction: Direction.IN | Direction.OUT,
): Promise<EntityRow[]> {
  const relationships = await relationshipsOf(entity, context, { types, direction });
  return relationships.map((r) => (direction === Direction.OUT ? r.to : r.from));
}

/** Events listed by a nested field when it says nothing else (an entity page stays one screen). */
export const NESTED_EVENTS = 50;

/** The first events `entity` takes part in (batched per request): in one role, or of some kinds. */
export function eventsOf(
  entity: EntityRow,
  { loaders }: Context,
  scope: { role?: string; kinds?: EventKind[]; first?: number },
): Promise<EventView[]> {
  return loaders.events({ role: scope.role ?? null, kinds: scope.kinds ?? null, first: scope.first ?? NESTED_EVENTS }).load(entity.id);
}
