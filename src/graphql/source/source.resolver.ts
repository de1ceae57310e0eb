import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { adminStore, type SourceRow } from '../../store/admin.store';
import { entitiesStore } from '../../store/entities.store';
import { eventsStore, farSideProbe } from '../../store/events.store';
import { relationshipEnds } from '../../model/factRows';
import { Source } from '../common/citation.type';
import { toConnection } from '../common/connection.type';
import { decodeCursor } from '../common/cursor';
import { pageArgsOf, pageRequest } from '../common/page.args';
import { selectsField } from '../selection';
import type { Context } from '../context';
import { toRelationshipView } from '../entity/relationships';
import { toEventView } from '../event/event.mapper';
import {
  FactKind,
  MAX_SOURCE_FACTS,
  SOURCE_FACT_CITATIONS,
  SourceFactConnection,
  type SourceFact,
} from './source-fact.type';

const DEFAULT_SOURCE_FACTS = 20;

/** Relay's four paging arguments over a source's facts. */
@ArgsType()
class SourceFactsArgs extends pageArgsOf({ min: 1, max: MAX_SOURCE_FACTS, defaultSize: DEFAULT_SOURCE_FACTS }) {}

const LIST = 'sourceFacts';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: 'One source by id; null when unknown' })
  source(@Arg('id', () => ID) id: string, @Ctx() { db }: Context): Promise<SourceRow | null> {
    return adminStore.sourceById(db.reader, id);
  }

  @FieldResolver(() => SourceFactConnection, {
    description:
      'What this source states: the entities, events and relationships citing it, in id order, paged either way',
  })
  async facts(
    @Root() source: SourceRow,
    @Args() args: SourceFactsArgs,
    @Ctx() { db }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SourceFactConnection> {
    const request = pageRequest(args, (cursor, argument) => decodeCursor(LIST, cursor, argument), DEFAULT_SOURCE_FACTS);
    const { size: first, backward, after, before } = request;
    const read = (page: { first: number; backward: boolean; after: string | null; before: string | null }) =>
      adminStore.sourceFacts(db.reader, { sourceId: source.id, perFact: SOURCE_FACT_CITATIONS, ...page });
    // Facts at or before `after` (forward), at or after `before` (backward): asked for only when selected.
    const cursor = backward ? before : after;
    const farSide =
      cursor !== null && selectsField(info, 'pageInfo', backward ? 'hasNextPage' : 'hasPreviousPage')
        ? read(farSideProbe(backward, { key: cursor, inclusive: true })).then((rows) => rows.length > 0)
        : Promise.resolve(false);
    const [rows, beyond] = await Promise.all([read({ first, backward, after, before }), farSide]);
    const page = backward ? rows.slice(0, first).reverse() : rows.slice(0, first);
    const of = (kind: string) => page.filter((r) => r.kind === kind);
    // One query per kind of fact on the page, whatever its size.
    const [entities, events, relationships] = await Promise.all([
      entitiesStore.byIds(
        db.reader,
        of(FactKind.ENTITY).map((r) => r.factId),
      ),
      eventsStore.byIds(
        db.reader,
        of(FactKind.EVENT).map((r) => r.factId),
      ),
      entitiesStore.relationshipsByIds(
        db.reader,
        of(FactKind.RELATIONSHIP).flatMap((r) => {
          const ends = relationshipEnds(r.factId);
          return ends ? [{ id: r.factId, ...ends }] : [];
        }),
      ),
    ]);
    const nodes = page.map((r): SourceFact => ({
      factId: r.factId,
      kind: r.kind as FactKind,
      entity: entities.find((e) => e.id === r.factId) ?? null,
      event: ((row) => (row ? toEventView(row) : null))(events.find((e) => e.id === r.factId)),
      relationship: ((found) => (found ? toRelationshipView(found) : null))(
        relationships.find((x) => x.relationship.id === r.factId),
      ),
      citations: r.citations.map((c) => ({ quote: c.quote, offset: c.offset, source })),
    }));
    const hasMore = rows.length > first;
    const { edges, pageInfo } = await toConnection(
      LIST,
      Promise.resolve({
        items: nodes.map((node) => ({ node, key: node.factId })),
        hasNextPage: backward ? beyond : hasMore,
        hasPreviousPage: backward ? hasMore : beyond,
        endKey: nodes.at(-1)?.factId ?? null,
      }),
      null,
    );
    return { edges, pageInfo };
  }
}
