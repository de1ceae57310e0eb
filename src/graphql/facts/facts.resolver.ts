import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../auth/principal';
import { loadCypherFile } from '../../cypher/cypherFiles';
import { writeFacts } from '../../facts/factWriter';
import { relationshipId, type FactSet } from '../../facts/facts';
import { Source } from '../common/citation.type';
import type { Context } from '../context';
import { Entity, type EntityRow } from '../entity/entity.interface';
import { Relationship } from '../entity/relationship.type';
import { relationshipsOf } from '../entity/relationships';
import { Event } from '../event/event.interface';
import { eventPageParams, eventQueries } from '../event/eventQuery';
import { toEventView, type EventRow } from '../event/event.mapper';
import { entityQueries } from '../loaders';
import { checkEntityInput, toEventRecord } from './factInputs';
import { EntityInput, EventInput, RelationshipInput, SourceInput } from './facts.input';

const queries = loadCypherFile('queries/sources.cypher', ['sources']);
const NO_FACTS: FactSet = { sources: [], entities: [], relationships: [], events: [] };

/**
 * Validated writes. Each mutation is one write transaction: the facts are checked (references
 * resolve, quotes are verbatim spans of their source), written with MERGE (so repeating a
 * mutation changes nothing), and read back in the same transaction.
 */
@Resolver()
export class FactsResolver {
  @Query(() => [Source], { description: 'The documents the graph cites' })
  async sources(@Ctx() { db }: Context): Promise<Source[]> {
    return (await db.read(queries.sources)).map((r) => r.source as Source);
  }

  @Authorized(Role.admin)
  @Mutation(() => Source, { description: 'Add (or update) a source document, with its full text' })
  addSource(@Arg('input', () => SourceInput) input: SourceInput, @Ctx() { db }: Context): Promise<Source> {
    return db.writeAll('addSource', async (run) => {
      await writeFacts(run, { ...NO_FACTS, sources: [{ ...input }] });
      const rows = await run(queries.sources);
      return rows.map((r) => r.source as Source).find((s) => s.id === input.id)!;
    });
  }

  @Authorized(Role.editor)
  @Mutation(() => Entity, { description: 'Add (or update) a person, organization, product or group, citing where it is mentioned' })
  addEntity(@Arg('input', () => EntityInput) input: EntityInput, @Ctx() { db }: Context): Promise<EntityRow> {
    checkEntityInput(input);
    const { citation, type, ...entity } = input;
    return db.writeAll('addEntity', async (run) => {
      await writeFacts(run, { ...NO_FACTS, entities: [{ ...entity, label: type, quote: citation.quote, sourceId: citation.sourceId }] });
      const [row] = await run(entityQueries.entityById, { id: input.id });
      return row!.entity as EntityRow;
    });
  }

  @Authorized(Role.editor)
  @Mutation(() => Relationship, { description: 'Add (or update) a stable relationship between two existing entities' })
  async addRelationship(@Arg('input', () => RelationshipInput) input: RelationshipInput, @Ctx() context: Context): Promise<Relationship> {
    const { citation, ...relationship } = input;
    const from = await context.db.writeAll('addRelationship', async (run) => {
      await writeFacts(run, { ...NO_FACTS, relationships: [{ ...relationship, quote: citation.quote, sourceId: citation.sourceId }] });
      const [row] = await run(entityQueries.entityById, { id: input.from });
      return row!.entity as EntityRow;
    });
    const id = relationshipId(input);
    return (await relationshipsOf(from, context, { types: [input.type] })).find((r) => r.id === id)!;
  }

  @Authorized(Role.editor)
  @Mutation(() => Event, { description: 'Add (or update) an event with its participants and verbatim quotes' })
  addEvent(@Arg('input', () => EventInput) input: EventInput, @Ctx() { db }: Context): Promise<Event> {
    const record = toEventRecord(input);
    return db.writeAll('addEvent', async (run) => {
      await writeFacts(run, { ...NO_FACTS, events: [record] });
      const [page] = await run(eventQueries.eventPage, eventPageParams({ ids: [input.id], first: 1 }));
      return toEventView((page!.events as EventRow[])[0]!) as unknown as Event;
    });
  }
}
