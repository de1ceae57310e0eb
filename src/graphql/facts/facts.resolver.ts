import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../auth/principal';
import { InvalidInput, NotFound, UnknownOutcome } from '../../errors';
import {
  findSimilarEvents,
  retractFacts,
  withdrawSource,
  writeFacts,
  type FactResult,
  type WriteMode,
} from '../../facts/factWriter';
import { factKindOf, relationshipEnds, relationshipId } from '../../model/factRows';
import type { FactSet, RelationshipRecord } from '../../model/records';
import type { Run } from '../../neo4j/executor';
import { adminStore, type SourceRow } from '../../store/admin.store';
import { entitiesStore } from '../../store/entities.store';
import { eventsStore } from '../../store/events.store';
import { factsStore } from '../../store/facts.store';
import { Source } from '../common/citation.type';
import type { Context } from '../context';
import { toRelationshipView, type RelationshipView } from '../entity/relationships';
import { Event } from '../event/event.interface';
import { toEventView, type EventView } from '../event/event.mapper';
import { Revision } from '../history/revision.type';
import { toEventRecord } from './factInputs';
import {
  CorroborationInput,
  EventReportInput,
  EntityInput,
  EventInput,
  RelationshipInput,
  SourceInput,
  type CitationInput,
} from './facts.input';
import {
  CitationsWrite,
  EntityWrite,
  EventWrite,
  RelationshipWrite,
  SourceWrite,
  WriteOutcome,
  type WriteResult,
} from './write.type';
import { HistoryArgs, SourcesArgs } from './facts.args';

const NO_FACTS: FactSet = { sources: [], entities: [], relationships: [], events: [], corroborations: [] };

/** Who is writing, for the facts' bookkeeping and their revisions. */
function author({ principal }: Context) {
  if (!principal) throw new Error('a mutation ran without a principal (the auth checker must refuse it first)');
  return { principal: principal.id, role: principal.role };
}

/**
 * One fact set in one write transaction; errors name the input (`input.participants.0.entity`).
 * `find` reads the fact back in the same transaction: before an update (which changes existing
 * facts only: NOT_FOUND otherwise) and after the write, as the mutation's answer with what the
 * write did to it.
 */
function write<T>(
  context: Context,
  label: string,
  facts: Partial<FactSet>,
  mode: WriteMode,
  reason: string | null,
  find: (run: Run) => Promise<T | null>,
  expectedRevision?: string | null,
): Promise<{ result: WriteResult; fact: T }> {
  const written = writtenFact(facts);
  const answer = context.db.writeAll(label, async (run) => {
    if (mode === 'update') await mustExist(find(run), written);
    const results = await writeFacts(
      run,
      { ...NO_FACTS, ...facts },
      {
        mode,
        by: author(context),
        reason,
        ...(expectedRevision ? { expectedRevisions: { [written.id]: expectedRevision } } : {}),
        // The fact set's paths as the mutation's input spells them (an entity's quote is its citation's).
        at: (path) =>
          path
            .replace(/^(entities|relationships)\.0\.(quote|sourceId)$/, 'input.citation.$2')
            .replace(/^corroborations\.0/, 'input')
            .replace(/^(sources|entities|relationships|events)\.0/, 'input'),
      },
    );
    return {
      result: toWriteResult(results.find((r) => r.id === written.id) ?? results[0]!),
      fact: await mustExist(find(run), written),
    };
  });
  // A write that may or may not have been committed names the fact to read back.
  return answer.catch((error: unknown) => {
    throw error instanceof UnknownOutcome ? new UnknownOutcome(written.id) : error;
  });
}

function toWriteResult(r: FactResult): WriteResult {
  const outcome =
    r.outcome === 'CONFLICT' || r.outcome === 'REFUSED' ? WriteOutcome.UNCHANGED : WriteOutcome[r.outcome];
  return { outcome, fields: r.fields, citationsAdded: r.citationsAdded, citationsRemoved: r.citationsRemoved };
}

/** The one fact a mutation writes, and the input that names it (a relationship's id is derived). */
function writtenFact(facts: Partial<FactSet>): { id: string; path: string } {
  const [record] = [...(facts.sources ?? []), ...(facts.entities ?? []), ...(facts.events ?? [])];
  if (record) return { id: record.id, path: 'input.id' };
  const [corroboration] = facts.corroborations ?? [];
  if (corroboration) return { id: corroboration.factId, path: 'input.factId' };
  return { id: relationshipId(facts.relationships![0]!), path: 'input' };
}

async function mustExist<T>(found: Promise<T | null>, { id, path }: { id: string; path: string }): Promise<T> {
  const value = await found;
  if (value === null) throw new NotFound(id, path);
  return value;
}

/** The citations of an entity or relationship input as a record spells them: `citation` as the one-source shorthand, `citations` as they are. */
function citationsOf(input: { citation?: CitationInput; citations?: CitationInput[] }) {
  return {
    ...(input.citation ? { quote: input.citation.quote, sourceId: input.citation.sourceId } : {}),
    citations: (input.citations ?? []).map((c) => ({ sourceId: c.sourceId, quote: c.quote })),
  };
}

const REASON = { description: 'Why: kept in the revision' };
const EXPECTED_REVISION = {
  nullable: true,
  description:
    'The id of the fact’s latest revision as the caller last read it (history(id, limit: 1)); when another revision has been recorded since, the update is a CONFLICT and writes nothing',
};

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

  @Query(() => [Revision], {
    description: 'The writes to a fact (entity, event, relationship or source), newest first; retracted facts included',
  })
  async history(@Args() { id, limit }: HistoryArgs, @Ctx() { db }: Context): Promise<Revision[]> {
    const rows = await factsStore.history(db.reader, id, limit);
    const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));
    return rows.map((r) => ({
      ...r,
      action: r.action as Revision['action'],
      before: parse(r.before),
      after: parse(r.after),
    }));
  }

  @Query(() => [Event], {
    description:
      'The events already in the graph that a new report would duplicate: the same kind and participants (roles included) at a compatible date (docs/model.md, "One event, many sources"); at most 50 candidates are read. Cite one of them (corroborate) instead of adding an event',
  })
  async similarEvents(
    @Arg('input', () => EventReportInput) input: EventReportInput,
    @Ctx() { db }: Context,
  ): Promise<EventView[]> {
    const report = {
      kind: input.kind,
      date: input.date ?? null,
      participants: input.participants.map((p) => ({ role: p.role, id: p.entity })),
      props: {},
    };
    const ids = await findSimilarEvents(db.reader, report);
    return (await eventsStore.byIds(db.reader, ids)).map(toEventView);
  }

  @Mutation(() => SourceWrite, { description: 'Add a source document with its full text (create only)' })
  @Authorized(Role.admin)
  async addSource(@Arg('input', () => SourceInput) input: SourceInput, @Ctx() context: Context): Promise<SourceWrite> {
    const { result, fact } = await write(context, 'addSource', { sources: [{ ...input }] }, 'create', null, (run) =>
      adminStore.sourceById(run, input.id),
    );
    return { ...result, source: fact };
  }

  @Mutation(() => EntityWrite, {
    description:
      'Add a person, organization, product or group, citing where it is mentioned (create only): the same values with a new citation corroborate it, other values are a CONFLICT',
  })
  @Authorized(Role.editor)
  addEntity(@Arg('input', () => EntityInput) input: EntityInput, @Ctx() context: Context): Promise<EntityWrite> {
    return this.writeEntity(context, input, 'create', null);
  }

  @Mutation(() => EntityWrite, {
    description:
      'Replace an entity’s values and the citations of the sources it cites; the old ones stay in history(id), other sources’ citations stay',
  })
  @Authorized(Role.editor)
  updateEntity(
    @Arg('input', () => EntityInput) input: EntityInput,
    @Arg('reason', REASON) reason: string,
    @Arg('expectedRevision', () => ID, EXPECTED_REVISION) expectedRevision: string | null,
    @Ctx() context: Context,
  ): Promise<EntityWrite> {
    return this.writeEntity(context, input, 'update', checkReason(reason), expectedRevision);
  }

  @Mutation(() => RelationshipWrite, {
    description:
      'Add a stable relationship between two existing entities (create only; the same values with a new citation corroborate it)',
  })
  @Authorized(Role.editor)
  addRelationship(
    @Arg('input', () => RelationshipInput) input: RelationshipInput,
    @Ctx() context: Context,
  ): Promise<RelationshipWrite> {
    return this.writeRelationship(context, input, 'create', null);
  }

  @Mutation(() => RelationshipWrite, {
    description:
      'Replace a relationship’s values and the citations of the sources it cites; the old ones stay in history(id)',
  })
  @Authorized(Role.editor)
  updateRelationship(
    @Arg('input', () => RelationshipInput) input: RelationshipInput,
    @Arg('reason', REASON) reason: string,
    @Arg('expectedRevision', () => ID, EXPECTED_REVISION) expectedRevision: string | null,
    @Ctx() context: Context,
  ): Promise<RelationshipWrite> {
    return this.writeRelationship(context, input, 'update', checkReason(reason), expectedRevision);
  }

  @Mutation(() => EventWrite, {
    description:
      'Add an event with its participants and verbatim quotes (create only): the same values with a new citation corroborate it; a new id for an event of the same kind, participants and a compatible date is a CONFLICT naming it',
  })
  @Authorized(Role.editor)
  addEvent(@Arg('input', () => EventInput) input: EventInput, @Ctx() context: Context): Promise<EventWrite> {
    return this.writeEvent(context, input, 'create', null);
  }

  @Mutation(() => EventWrite, {
    description:
      'Replace an event (participants, and the citations of the sources it cites); the old values stay in history(id), other sources’ citations stay',
  })
  @Authorized(Role.editor)
  updateEvent(
    @Arg('input', () => EventInput) input: EventInput,
    @Arg('reason', REASON) reason: string,
    @Arg('expectedRevision', () => ID, EXPECTED_REVISION) expectedRevision: string | null,
    @Ctx() context: Context,
  ): Promise<EventWrite> {
    return this.writeEvent(context, input, 'update', checkReason(reason), expectedRevision);
  }

  @Mutation(() => CitationsWrite, {
    description:
      'Add citations from another source to an existing entity, event or relationship (a second source stating it)',
  })
  @Authorized(Role.editor)
  async corroborate(
    @Arg('input', () => CorroborationInput) input: CorroborationInput,
    @Ctx() context: Context,
  ): Promise<CitationsWrite> {
    const corroborations = [
      { factId: input.factId, citations: input.citations.map((c) => ({ sourceId: c.sourceId, quote: c.quote })) },
    ];
    const { result, fact } = await write(context, 'corroborate', { corroborations }, 'create', null, (run) =>
      sourceCountOf(run, input.factId),
    );
    return { ...result, factId: input.factId, sourceCount: fact };
  }

  @Mutation(() => CitationsWrite, {
    description:
      'Withdraw one source’s citations from a fact that another source still states; kept in history(id) with the reason',
  })
  @Authorized(Role.admin)
  withdrawCitations(
    @Arg('factId', () => ID) factId: string,
    @Arg('source', () => ID) source: string,
    @Arg('reason', REASON) reason: string,
    @Ctx() context: Context,
  ): Promise<CitationsWrite> {
    const by = author(context);
    const why = checkReason(reason);
    return context.db.writeAll('withdrawCitations', async (run) => {
      const removed = await withdrawSource(run, factId, source, by, why);
      const sourceCount = await mustExist(sourceCountOf(run, factId), { id: factId, path: 'factId' });
      return {
        outcome: WriteOutcome.UPDATED,
        fields: ['citations'],
        citationsAdded: 0,
        citationsRemoved: removed,
        factId,
        sourceCount,
      };
    });
  }

  @Mutation(() => [ID], {
    description:
      'Hide entities or events from every read; they stay in history(id) with the reason. Returns the ids retracted',
  })
  @Authorized(Role.admin)
  retract(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('reason', REASON) reason: string,
    @Ctx() context: Context,
  ): Promise<string[]> {
    const by = author(context);
    const why = checkReason(reason);
    return context.db.writeAll('retract', (run) => retractFacts(run, ids, by, why));
  }

  private async writeEntity(
    context: Context,
    input: EntityInput,
    mode: WriteMode,
    reason: string | null,
    expectedRevision?: string | null,
  ): Promise<EntityWrite> {
    const { citation: _citation, citations: _citations, type, ...entity } = input;
    const facts = { entities: [{ ...entity, label: type, ...citationsOf(input) }] };
    const { result, fact } = await write(
      context,
      mode === 'create' ? 'addEntity' : 'updateEntity',
      facts,
      mode,
      reason,
      (run) => entitiesStore.byId(run, input.id),
      expectedRevision,
    );
    return { ...result, entity: fact };
  }

  private async writeRelationship(
    context: Context,
    input: RelationshipInput,
    mode: WriteMode,
    reason: string | null,
    expectedRevision?: string | null,
  ): Promise<RelationshipWrite> {
    const { citation: _citation, citations: _citations, ...relationship } = input;
    const facts = { relationships: [{ ...relationship, ...citationsOf(input) }] };
    const { result, fact } = await write(
      context,
      mode === 'create' ? 'addRelationship' : 'updateRelationship',
      facts,
      mode,
      reason,
      (run) => relationshipView(run, input),
      expectedRevision,
    );
    return { ...result, relationship: fact };
  }

  private async writeEvent(
    context: Context,
    input: EventInput,
    mode: WriteMode,
    reason: string | null,
    expectedRevision?: string | null,
  ): Promise<EventWrite> {
    const record = toEventRecord(input);
    const { result, fact } = await write(
      context,
      mode === 'create' ? 'addEvent' : 'updateEvent',
      { events: [record] },
      mode,
      reason,
      async (run) => {
        const [row] = await eventsStore.byIds(run, [input.id]);
        return row ? toEventView(row) : null;
      },
      expectedRevision,
    );
    return { ...result, event: fact };
  }
}

/** A relationship read back by its ends, with its start entity, in one query. */
async function relationshipView(
  run: Run,
  key: { type: string; from: string; to: string },
): Promise<RelationshipView | null> {
  const [found] = await entitiesStore.relationshipsByIds(run, [
    { id: relationshipId(key as RelationshipRecord), from: key.from, to: key.to },
  ]);
  return found ? toRelationshipView(found) : null;
}

/** How many distinct sources state a fact now; null when there is no such fact. */
async function sourceCountOf(run: Run, factId: string): Promise<number | null> {
  const kind = factKindOf(factId);
  if (kind === 'ENTITY') return (await entitiesStore.byId(run, factId))?.sourceCount ?? null;
  if (kind === 'EVENT') {
    const [row] = await eventsStore.byIds(run, [factId]);
    return row ? (toEventView(row).sourceCount as number) : null;
  }
  const ends = relationshipEnds(factId);
  if (!ends) return null;
  return (await entitiesStore.relationshipById(run, { id: factId, from: ends.from, to: ends.to }))?.sourceCount ?? null;
}

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed || trimmed.length > 1000) throw new InvalidInput('reason', 'must say why, in 1 to 1000 characters');
  return trimmed;
}
