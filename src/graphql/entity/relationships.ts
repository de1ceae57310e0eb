import type { EventKind, RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import type { EventView } from '../event/event.mapper';
import { Direction } from './entity.args';
import type { EntityRow } from './entity.interface';
import type { Relationship } from './relationship.type';

/** The stable relationships of `entity` (batched per request), seen as from → to. */
export async function relationshipsOf(
  entity: EntityRow,
  { loaders }: Context,
  filter: { types?: readonly RelationshipType[]; direction?: Direction },
): Promise<Relationship[]> {
  const rows = await loaders.relationships.load(entity.id);
  const direction = filter.direction ?? Direction.BOTH;
  return rows
    .filter((r) => !filter.types?.length || filter.types.includes(r.type as RelationshipType))
    .filter((r) => direction === Direction.BOTH || r.outgoing === (direction === Direction.OUT))
    .map(({ outgoing, other, ...rest }) => ({
      ...rest,
      from: (outgoing ? entity : other) as never,
      to: (outgoing ? other : entity) as never,
    })) as unknown as Relationship[];
}

/** The other ends of the matching relationships. */
export async function relatedEntities(
  entity: EntityRow,
  context: Context,
  types: RelationshipType[],
  direction: Direction.IN | Direction.OUT,
): Promise<EntityRow[]> {
  const relationships = await relationshipsOf(entity, context, { types, direction });
  return relationships.map((r) => (direction === Direction.OUT ? r.to : r.from) as unknown as EntityRow);
}

/** The events `entity` takes part in (batched per request), optionally only in some roles. */
export async function eventsOf(
  entity: EntityRow,
  { loaders }: Context,
  filter: { kinds?: EventKind[]; roles?: string[] },
): Promise<EventView[]> {
  const events = await loaders.events.load(entity.id);
  return events.filter(
    (e) =>
      (!filter.kinds?.length || filter.kinds.includes(e.kind as EventKind)) &&
      (!filter.roles ||
        (e.participants as { role: string; entity: EntityRow }[]).some((p) => p.entity.id === entity.id && filter.roles!.includes(p.role))),
  );
}
