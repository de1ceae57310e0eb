import { Field } from 'type-graphql';
import type { ConnectionView } from '../common/connection.type';
import { connectionOf } from '../common/connection.type';
import { ENTITY_SCAN, ENTITY_WALK_ROUNDS, type EntityRow } from '../../store/entities.store';
import { Entity } from './entity.interface';

const bound = (ENTITY_SCAN * ENTITY_WALK_ROUNDS).toLocaleString('en');

export const EntityConnection = connectionOf(
  Entity,
  'Entity',
  'Entities',
  `A page of entities in the order asked for. A page reads at most ${bound} entries of its order's index, so a sparse filter may fill less than \`first\` (or \`last\`) while more lie beyond: stoppedAtBound says so`,
);

// The bound of a page's walk, in the answer as in the schema (never a silently short page).
Field(() => Boolean, {
  description:
    `True when this page stopped at its bound (${bound} entries of the order's index read) before \`first\` (or \`last\`) entities matched: more may lie beyond it, ` +
    'and hasNextPage (paging backward: hasPreviousPage) is true. Read on from where it stopped with endCursor as `after` (backward: startCursor as `before`), ' +
    'or narrow the filter (a namePrefix, fewer kinds, a shorter eventsFrom–eventsTo range) so that its matches can be sorted instead of walked',
})(EntityConnection.prototype, 'stoppedAtBound');

/** An entity page as the resolver answers it. */
export type EntityConnectionView = ConnectionView<EntityRow> & { stoppedAtBound: boolean };
