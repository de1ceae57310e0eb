import type { GraphQLResolveInfo } from 'graphql';
import type { EventKind, RelationshipType } from '../../model/vocabulary';
import { toConnection, type ConnectionView } from '../common/connection.type';
import { decodeCursor } from '../common/cursor';
import { selectsField } from '../selection';
import type { Context } from '../context';
import type { EventView } from '../event/event.mapper';
import { pageRequest } from '../common/page.args';
import { Direction, NESTED_EVENTS, type NestedPageArgs } from './entity.args';
import type { EntityRow, RelationshipRow } from '../../store/entities.store';
import { farSideProbe } from '../../store/events.store';

/** A stable relationship as the Relationship type resolves it: from → to. */
export type RelationshipView = Omit<RelationshipRow, 'outgoing' | 'other'> & { from: EntityRow; to: EntityRow };

/** A relationship read by id and ends (entitiesStore.relationshipsByIds), as the Relationship type resolves it. */
export function toRelationshipView({
  from,
  relationship,
}: {
  from: EntityRow;
  relationship: RelationshipRow;
}): RelationshipView {
  const { outgoing: _outgoing, other, ...rest } = relationship;
  return { ...rest, from, to: other };
}

/** The Relationship fields that read its citations. */
const CITING_FIELDS = ['citation', 'citations', 'sourceCount'] as const;

/** Whether a field's selection of Relationships reads their citations; one that does not is served without. */
export const readsCitations = (info: GraphQLResolveInfo): boolean =>
  CITING_FIELDS.some((field) => selectsField(info, field));

/**
 * The stable relationships of `entity` (batched per request), seen as from → to; without their
 * citations (`citation` null, `citations` empty) when `cited` is false.
 */
export async function relationshipsOf(
  entity: EntityRow,
  { loaders }: Context,
  filter: { types?: readonly RelationshipType[]; direction?: Direction; cited: boolean },
): Promise<RelationshipView[]> {
  const { rows } = await (filter.cited ? loaders.relationships : loaders.relationshipsUncited).load(entity.id);
  const direction = filter.direction ?? Direction.BOTH;
  return rows
    .filter((r) => !filter.types?.length || filter.types.includes(r.type as RelationshipType))
    .filter((r) => direction === Direction.BOTH || r.outgoing === (direction === Direction.OUT))
    .map(({ outgoing, other, ...rest }) => ({
      ...rest,
      from: outgoing ? entity : other,
      to: outgoing ? other : entity,
    }));
}

/** The other ends of the matching relationships. */
export async function relatedEntities(
  entity: EntityRow,
  context: Context,
  types: RelationshipType[],
  direction: Direction.IN | Direction.OUT,
): Promise<EntityRow[]> {
  const relationships = await relationshipsOf(entity, context, { types, direction, cited: false });
  return relationships.map((r) => (direction === Direction.OUT ? r.to : r.from));
}

/**
 * A page of the events `entity` takes part in (batched per request: one query per nested field),
 * in one role or of some kinds, as a connection in (date, id) order read from either end (first/
 * after or last/before), whose cursors `timeline`, `talentMoves` and `acquisitions` accept too. Its
 * count, and whether events lie on the far side of its cursor, are read (batched too) only when asked for.
 */
export function eventsOf(
  entity: EntityRow,
  { loaders }: Context,
  info: GraphQLResolveInfo,
  scope: { role?: string; kinds?: EventKind[] | null },
  page: NestedPageArgs,
): Promise<ConnectionView<EventView>> {
  const role = scope.role ?? null;
  const kinds = scope.kinds?.length ? scope.kinds : null;
  const request = pageRequest(page, (cursor, argument) => decodeCursor('event', cursor, argument), NESTED_EVENTS);
  const { backward, after, before } = request;
  // The far side of a page opened at a cursor: events at or before `after` (forward), at or after
  // `before` (backward), one index entry per entity; without a cursor the page starts at its range's end.
  const cursor = backward ? before : after;
  const farSide =
    cursor !== null && selectsField(info, 'pageInfo', backward ? 'hasNextPage' : 'hasPreviousPage')
      ? loaders
          .events({ role, kinds, ...farSideProbe(backward, { key: cursor, inclusive: true }) })
          .load(entity.id)
          .then((p) => p.hasMore)
      : Promise.resolve(false);
  const read = Promise.all([
    loaders.events({ role, kinds, first: request.size, after, before, backward }).load(entity.id),
    farSide,
  ]).then(([{ events, hasMore }, beyond]) => ({
    items: events.map((node) => ({ node, key: node.sortKey })),
    hasNextPage: backward ? beyond : hasMore,
    hasPreviousPage: backward ? hasMore : beyond,
    endKey: events.at(-1)?.sortKey ?? null,
  }));
  const wantsCount = selectsField(info, 'totalCount') || selectsField(info, 'totalCountExact');
  return toConnection('event', read, wantsCount ? loaders.eventCounts({ role, kinds }).load(entity.id) : null);
}
