import { IsDefined, Max, MaxLength, Min } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { adminStore, type SourceRow } from '../../store/admin.store';
import { entitiesStore } from '../../store/entities.store';
import { eventsStore } from '../../store/events.store';
import { relationshipEnds } from '../../facts/facts';
import { Source } from '../common/citation.type';
import { decodeCursor, encodeCursor } from '../common/cursor';
import type { Context } from '../context';
import { toRelationshipView } from '../entity/relationships';
import { toEventView } from '../event/event.mapper';
import { FactKind, MAX_SOURCE_FACTS, SOURCE_FACT_CITATIONS, SourceFactConnection, type SourceFact } from './source-fact.type';

@ArgsType()
class SourceFactsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20, description: `1 to ${MAX_SOURCE_FACTS}` })
  @IsDefined()
  @Min(1)
  @Max(MAX_SOURCE_FACTS)
  first: number;

  @Field(() => String, { nullable: true })
  @MaxLength(1000)
  after?: string | null;
}

const LIST = 'sourceFacts';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => Source, { nullable: true, description: 'One source by id; null when unknown' })
  source(@Arg('id', () => ID) id: string, @Ctx() { db }: Context): Promise<SourceRow | null> {
    return adminStore.sourceById(db.reader, id);
  }

  @FieldResolver(() => SourceFactConnection, { description: 'What this source states: the entities, events and relationships citing it, in id order' })
  async facts(@Root() source: SourceRow, @Args() { first, after }: SourceFactsArgs, @Ctx() { db }: Context): Promise<SourceFactConnection> {
    const rows = await adminStore.sourceFacts(db.reader, { sourceId: source.id, after: after == null ? '' : decodeCursor(LIST, after), first, perFact: SOURCE_FACT_CITATIONS });
    const page = rows.slice(0, first);
    const of = (kind: string) => page.filter((r) => r.kind === kind);
    // One query per kind of fact on the page, whatever its size.
    const [entities, events, relationships] = await Promise.all([
      entitiesStore.byIds(db.reader, of(FactKind.ENTITY).map((r) => r.factId)),
      eventsStore.byIds(db.reader, of(FactKind.EVENT).map((r) => r.factId)),
      entitiesStore.relationshipsByIds(db.reader, of(FactKind.RELATIONSHIP).flatMap((r) => { const ends = relationshipEnds(r.factId); return ends ? [{ id: r.factId, ...ends }] : []; })),
    ]);
    const nodes = page.map((r): SourceFact => ({
      factId: r.factId,
      kind: r.kind as FactKind,
      entity: entities.find((e) => e.id === r.factId) ?? null,
      event: ((row) => (row ? toEventView(row) : null))(events.find((e) => e.id === r.factId)),
      relationship: ((found) => (found ? toRelationshipView(found) : null))(relationships.find((x) => x.relationship.id === r.factId)),
      citations: r.citations.map((c) => ({ quote: c.quote, offset: c.offset, source })),
    }));
    const edges = nodes.map((node) => ({ cursor: encodeCursor(LIST, node.factId), node }));
    return {
      edges,
      // Forward only: after a cursor Relay's spec lets hasPreviousPage be false.
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
