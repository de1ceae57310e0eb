import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../auth/principal';
import { InvalidInput, NotFound } from '../../errors';
import { writeFacts, type WriteMode } from '../../facts/factWriter';
import { relationshipId, type FactSet } from '../../facts/facts';
import type { Run } from '../../neo4j/executor';
import { adminStore, type SourceRow } from '../../store/admin.store';
import { entitiesStore, type EntityRow } from '../../store/entities.store';
import { eventsStore } from '../../store/events.store';
import { factsStore } from '../../store/facts.store';
import { statsStore } from '../../store/stats.store';
import { Source } from '../common/citation.type';
import type { Context } from '../context';
import { Entity } from '../entity/entity.interface';
import { Relationship } from '../entity/relationship.type';
import type { RelationshipView } from '../entity/relationships';
import { Event } from '../event/event.interface';
import { toEventView, type EventView } from '../event/event.mapper';
import { Revision } from '../history/revision.type';
import { toEventRecord } from './factInputs';
import { EntityInput, EventInput, RelationshipInput, SourceInput } from './facts.input';
import { HistoryArgs, SourcesArgs } from './facts.args';

const NO_FACTS: FactSet = { sources: [], entities: [], relationships: [], events: [] };

/** Who is writing, for the facts' bookkeeping and their revisions. */
function author({ principal }: Context) {
  if (!principal) throw new Error('a mutation ran without a principal (the auth checker must refuse it first)');
  return { principal: principal.id, role: principal.role };
}

/**
 * One fact set in one write transaction; errors name the input (`input.participants.0.entity`).
 * `find` reads the fact back in the same transaction: before an update (which changes existing
 * facts only: NOT_FOUND otherwise) and after the write, as the mutation's answer.
 */
function write<T>(context: Context, label: string, facts: Partial<FactSet>, mode: WriteMode, reason: string | null, find: (run: Run) => Promise<T | null>): Promise<T> {
  return context.db.writeAll(label, async (run) => {
    const written = writtenFact(facts);
    if (mode === 'update') await mustExist(find(run), written);
    await writeFacts(run, { ...NO_FACTS, ...facts }, {
      mode,
      by: author(context),
      reason,
      // The fact set's paths as the mutation's input spells them (an entity's quote is its citation's).
      at: (path) =>
        path.replace(/^(entities|relationships)\.0\.(quote|sourceId)$/, 'input.citation.$2').replace(/^(sources|entities|relationships|events)\.0/, 'input'),
    });
    return mustExist(find(run), written);
  });
}

/** The one fact a mutation writes, and the input that names it (a relationship's id is derived). */
function writtenFact(facts: Partial<FactSet>): { id: string; path: string } {
  const [record] = [...(facts.sources ?? []), ...(facts.entities ?? []), ...(facts.events ?? [])];
  return record ? { id: record.id, path: 'input.id' } : { id: relationshipId(facts.relationships![0]!), path: 'input' };
}

async function mustExist<T>(found: Promise<T | null>, { id, path }: { id: string; path: string }): Promise<T> {
  const value = await found;
  if (value === null) throw new NotFound(id, path);
  return value;
}

const REASON = { description: 'Why: kept in the revision' };

/**
 * Validated writes. Each mutation is one write transaction: the facts are checked (references
 * resolve, roles and endpoints obey the registry, quotes are verbatim spans of their source),
 * written, and read back in the same transaction. add* create only: the same values again are a
 * no-op, other values a CONFLICT; update* replace a fact and keep what it replaced as a Revision.
 */
@Resolver()
export class FactsResolver {
  @Query(() => [Source], { description: 'The documents the graph cites, in id order' })
  sources(@Args() { first, after }: SourcesArgs, @Ctx() { db }: Context): Promise<SourceRow[]> {
    return adminStore.sources(db.reader, { first, after: after ?? '' });
  }

  @Query(() => [Revision], { description: 'The writes to a fact (entity, event, relationship or source), newest first; retracted facts included' })
  async history(@Args() { id, limit }: HistoryArgs, @Ctx() { db }: Context): Promise<Revision[]> {
    const rows = await factsStore.history(db.reader, id, limit);
    const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));
    return rows.map((r) => ({ ...r, action: r.action as Revision['action'], before: parse(r.before), after: parse(r.after) }));
  }

  @Mutation(() => Source, { description: 'Add a source document with its full text (create only)' })
  @Authorized(Role.admin)
  addSource(@Arg('input', () => SourceInput) input: SourceInput, @Ctx() context: Context): Promise<SourceRow> {
    return write(context, 'addSource', { sources: [{ ...input }] }, 'create', null, (run) => adminStore.sourceById(run, input.id));
  }

  @Mutation(() => Entity, { description: 'Add a person, organization, product or group, citing where it is mentioned (create only)' })
  @Authorized(Role.editor)
  addEntity(@Arg('input', () => EntityInput) input: EntityInput, @Ctx() context: Context): Promise<EntityRow> {
    return this.writeEntity(context, input, 'create', null);
  }

  @Mutation(() => Entity, { description: 'Replace an entity’s values; the old ones stay in history(id)' })
  @Authorized(Role.editor)
  updateEntity(
    @Arg('input', () => EntityInput) input: EntityInput,
    @Arg('reason', REASON) reason: string,
    @Ctx() context: Context,
  ): Promise<EntityRow> {
    return this.writeEntity(context, input, 'update', checkReason(reason));
  }

  @Mutation(() => Relationship, { description: 'Add a stable relationship between two existing entities (create only)' })
  @Authorized(Role.editor)
  addRelationship(@Arg('input', () => RelationshipInput) input: RelationshipInput, @Ctx() context: Context): Promise<RelationshipView> {
    return this.writeRelationship(context, input, 'create', null);
  }

  @Mutation(() => Relationship, { description: 'Replace a relationship’s values; the old ones stay in history(id)' })
  @Authorized(Role.editor)
  updateRelationship(
    @Arg('input', () => RelationshipInput) input: RelationshipInput,
    @Arg('reason', REASON) reason: string,
    @Ctx() context: Context,
  ): Promise<RelationshipView> {
    return this.writeRelationship(context, input, 'update', checkReason(reason));
  }

  @Mutation(() => Event, { description: 'Add an event with its participants and verbatim quotes (create only)' })
  @Authorized(Role.editor)
  addEvent(@Arg('input', () => EventInput) input: EventInput, @Ctx() context: Context): Promise<EventView> {
    return this.writeEvent(context, input, 'create', null);
  }

  @Mutation(() => Event, { description: 'Replace an event (participants and quotes included); the old values stay in history(id)' })
  @Authorized(Role.editor)
  updateEvent(@Arg('input', () => EventInput) input: EventInput, @Arg('reason', REASON) reason: string, @Ctx() context: Context): Promise<EventView> {
    return this.writeEvent(context, input, 'update', checkReason(reason));
  }

  @Mutation(() => [ID], { description: 'Hide entities or events from every read; they stay in history(id) with the reason. Returns the ids retracted' })
  @Authorized(Role.admin)
  retract(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('reason', REASON) reason: string,
    @Ctx() context: Context,
  ): Promise<string[]> {
    const by = author(context);
    return context.db.writeAll('retract', async (run) => {
      const { retracted, touched, tallies } = await factsStore.retract(run, ids, by, checkReason(reason));
      await factsStore.refreshEntityStats(run, touched);
      await statsStore.refreshTallies(run, tallies);
      const missing = ids.filter((id) => !retracted.includes(id));
      if (missing.length) throw new NotFound(missing[0]!, 'ids');
      await factsStore.recordRevisions(run, retracted.map((targetId) => ({ targetId, action: 'RETRACT', fields: [], before: null, after: null })), by, reason);
      return retracted;
    });
  }

  private writeEntity(context: Context, input: EntityInput, mode: WriteMode, reason: string | null): Promise<EntityRow> {
    const { citation, type, ...entity } = input;
    const facts = { entities: [{ ...entity, label: type, quote: citation.quote, sourceId: citation.sourceId }] };
    return write(context, mode === 'create' ? 'addEntity' : 'updateEntity', facts, mode, reason, (run) => entitiesStore.byId(run, input.id));
  }

  private writeRelationship(context: Context, input: RelationshipInput, mode: WriteMode, reason: string | null): Promise<RelationshipView> {
    const { citation, ...relationship } = input;
    const facts = { relationships: [{ ...relationship, quote: citation.quote, sourceId: citation.sourceId }] };
    return write(context, mode === 'create' ? 'addRelationship' : 'updateRelationship', facts, mode, reason, async (run) => {
      const row = await entitiesStore.relationshipById(run, { id: relationshipId(input), from: input.from, to: input.to });
      const from = row && (await entitiesStore.byId(run, input.from));
      if (!row || !from) return null;
      const { outgoing: _outgoing, other, ...rest } = row;
      return { ...rest, from, to: other };
    });
  }

  private writeEvent(context: Context, input: EventInput, mode: WriteMode, reason: string | null): Promise<EventView> {
    const record = toEventRecord(input);
    return write(context, mode === 'create' ? 'addEvent' : 'updateEvent', { events: [record] }, mode, reason, async (run) => {
      const [row] = await eventsStore.byIds(run, [input.id]);
      return row ? toEventView(row) : null;
    });
  }
}

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed || trimmed.length > 1000) throw new InvalidInput('reason', 'must say why, in 1 to 1000 characters');
  return trimmed;
}
