import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { migrate } from '../../src/db/migrations';
import { countUnderived, reindex } from '../../src/db/reindex';
import { importFacts, ImportError, transactionRecords, TransactionTooLarge } from '../../src/import/importFile';
import { parseJsonLines } from '../../src/import/jsonl';
import { logger } from '../../src/logger';
import { nameKey } from '../../src/model/names';
import { connectDriver } from '../../src/neo4j/connection';
import { Executor } from '../../src/neo4j/executor';
import { startLocalNeo4j } from '../../src/neo4j/localNeo4j';
import { repoPath } from '../../src/paths';
import { statsStore } from '../../src/store/stats.store';
import { startTestApp, TEST_KEYS } from '../support/app';

/** Many sources per fact: corroboration, conflicts, withdrawal, the bulk import, and a graph written by other tools. */
describe('facts from many sources', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  const tag = `test-sources-${process.pid}`;
  const first = `source/${tag}-first`;
  const second = `source/${tag}-second`;
  const firstText = 'Han Meimei founded Bolt Labs in 2025. Bolt Labs acquired Nimbus AI in May 2025.';
  const secondText = 'In May 2025 Bolt Labs bought Nimbus AI; Han Meimei, the founder of Bolt Labs, announced it.';
  const ids = {
    han: `person/${tag}-han`,
    bolt: `org/${tag}-bolt`,
    nimbus: `org/${tag}-nimbus`,
    deal: `event/acquisition/${tag}-bolt-nimbus`,
  };
  const NAMES = ['Han Meimei', 'Bolt Labs', 'Nimbus AI', 'Orca Labs', 'Pike AI', 'Qi Lan'];

  beforeAll(async () => {
    api = await startTestApp({ RATE_LIMIT_PRINCIPAL_PER_SECOND: 0 });
  });
  afterAll(async () => {
    await api.graph.driver.executeQuery(
      // Only what this file wrote: every id carries its tag (the plain-Cypher facts included).
      `MATCH (n) WHERE n.id CONTAINS $tag DETACH DELETE n
       WITH count(*) AS done MATCH (r:Revision) WHERE r.targetId CONTAINS $tag DELETE r
       WITH count(*) AS done MATCH (s:ImportState) WHERE s.principal = 'test-import' DELETE s
       WITH count(*) AS done MATCH (k:Name) WHERE k.key IN $keys AND NOT (k)<-[:NAMED]-() DELETE k`,
      { tag, keys: [...NAMES, `Zhou Yi ${tag}`, `Kestrel AI ${tag}`, '周一'].map(nameKey) },
    );
    await statsStore.recomputeAllTallies(api.graph.db);
    await api.close();
  });

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const body = await api.gql(query, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const errorOf = async (query: string, variables: Record<string, unknown>) => {
    const body = await api.gql(query, variables);
    expect(body.errors).toHaveLength(1);
    return body.errors![0];
  };
  const ADD_ENTITY =
    'mutation($input: EntityInput!) { addEntity(input: $input) { outcome fields citationsAdded entity { id sourceCount mentions { quote offset source { id } } } } }';
  const ADD_EVENT =
    'mutation($input: EventInput!) { addEvent(input: $input) { outcome citationsAdded event { id sourceCount sources { quote offset source { id } } } } }';
  const han = (citation: { sourceId: string; quote: string }, description = 'founder of Bolt Labs') => ({
    id: ids.han,
    type: 'Person',
    name: 'Han Meimei',
    description,
    citation,
  });
  const deal = (overrides: Record<string, unknown> = {}) => ({
    id: ids.deal,
    kind: 'ACQUISITION',
    date: '2025-05',
    summary: 'Bolt Labs acquired Nimbus AI',
    participants: [
      { role: 'acquirer', entity: ids.bolt },
      { role: 'target', entity: ids.nimbus },
    ],
    sourceId: first,
    quotes: ['Bolt Labs acquired Nimbus AI in May 2025.'],
    ...overrides,
  });

  it('adds a fact once, then corroborates it with a second source, keeping both citations and the change in history', async () => {
    for (const [id, text] of [
      [first, firstText],
      [second, secondText],
    ] as const) {
      await ok('mutation($input: SourceInput!) { addSource(input: $input) { outcome } }', {
        input: { id, title: id, text },
      });
    }
    const created = await ok(ADD_ENTITY, { input: han({ sourceId: first, quote: 'Han Meimei founded Bolt Labs' }) });
    expect(created.addEntity).toMatchObject({ outcome: 'CREATED', citationsAdded: 1, entity: { sourceCount: 1 } });
    expect(created.addEntity.entity.mentions).toEqual([
      { quote: 'Han Meimei founded Bolt Labs', offset: 0, source: { id: first } },
    ]);

    const again = await ok(ADD_ENTITY, { input: han({ sourceId: first, quote: 'Han Meimei founded Bolt Labs' }) });
    expect(again.addEntity).toMatchObject({ outcome: 'UNCHANGED', citationsAdded: 0 });

    const corroborated = await ok(ADD_ENTITY, {
      input: han({ sourceId: second, quote: 'Han Meimei, the founder of Bolt Labs' }),
    });
    expect(corroborated.addEntity).toMatchObject({
      outcome: 'CORROBORATED',
      fields: ['citations'],
      citationsAdded: 1,
      entity: { sourceCount: 2 },
    });
    expect(corroborated.addEntity.entity.mentions.map((m: { source: { id: string } }) => m.source.id)).toEqual([
      first,
      second,
    ]);
    expect(corroborated.addEntity.entity.mentions[1].offset).toBe(secondText.indexOf('Han Meimei, the founder'));

    const one = await ok('query($id: ID!, $s: ID) { entity(id: $id) { mentions(source: $s) { quote } } }', {
      id: ids.han,
      s: second,
    });
    expect(one.entity.mentions).toEqual([{ quote: 'Han Meimei, the founder of Bolt Labs' }]);
    const history = await ok('query($id: ID!) { history(id: $id) { action fields after } }', { id: ids.han });
    expect(history.history.map((r: { action: string }) => r.action)).toEqual(['CORROBORATE', 'CREATE']);
    expect(history.history[0].after).toEqual({
      citations: [{ sourceId: second, quote: 'Han Meimei, the founder of Bolt Labs' }],
    });

    const conflict = await errorOf(ADD_ENTITY, { input: han({ sourceId: second, quote: 'Han Meimei' }, 'the CEO') });
    expect(conflict.extensions.code).toBe('CONFLICT');
    expect(conflict.message).toMatch(/other values \(description\)/);
  });

  it('decides event identity: a second report under a new id is refused naming the event, and found by similarEvents', async () => {
    for (const [id, name, quote] of [
      [ids.bolt, 'Bolt Labs', 'Bolt Labs acquired'],
      [ids.nimbus, 'Nimbus AI', 'Nimbus AI in May 2025'],
    ] as const) {
      await ok(ADD_ENTITY, { input: { id, type: 'Organization', name, citation: { sourceId: first, quote } } });
    }
    expect((await ok(ADD_EVENT, { input: deal() })).addEvent).toMatchObject({
      outcome: 'CREATED',
      event: { sourceCount: 1 },
    });
    const second_ = {
      id: `${ids.deal}-again`,
      date: '2025-05',
      sourceId: second,
      quotes: ['In May 2025 Bolt Labs bought Nimbus AI'],
    };
    const refused = await errorOf(ADD_EVENT, { input: deal(second_) });
    expect(refused.extensions.code).toBe('CONFLICT');
    expect(refused.message).toContain(`reports the same event as ${ids.deal}`);
    const similar = await ok('query($input: EventReportInput!) { similarEvents(input: $input) { id } }', {
      input: { kind: 'ACQUISITION', date: '2025-05-20', participants: deal().participants },
    });
    expect(similar.similarEvents).toEqual([{ id: ids.deal }]);
    const otherYear = await ok('query($input: EventReportInput!) { similarEvents(input: $input) { id } }', {
      input: { kind: 'ACQUISITION', date: '2026', participants: deal().participants },
    });
    expect(otherYear.similarEvents).toEqual([]);

    const corroborated = await ok(
      'mutation($input: CorroborationInput!) { corroborate(input: $input) { outcome citationsAdded factId sourceCount } }',
      {
        input: { factId: ids.deal, citations: [{ sourceId: second, quote: 'In May 2025 Bolt Labs bought Nimbus AI' }] },
      },
    );
    expect(corroborated.corroborate).toEqual({
      outcome: 'CORROBORATED',
      citationsAdded: 1,
      factId: ids.deal,
      sourceCount: 2,
    });
    const facts = await ok(
      'query($id: ID!) { source(id: $id) { facts(first: 10) { pageInfo { hasNextPage } edges { node { factId kind citations { quote } event { id } entity { id } } } } } }',
      { id: second },
    );
    expect(facts.source.facts.edges.map((e: { node: { factId: string } }) => e.node.factId)).toEqual([
      ids.deal,
      ids.han,
    ]);
    expect(facts.source.facts.edges[0].node.event).toEqual({ id: ids.deal });
  });

  it('withdraws one source while another states the fact, and refuses to withdraw the only one', async () => {
    const WITHDRAW =
      'mutation($f: ID!, $s: ID!) { withdrawCitations(factId: $f, source: $s, reason: "the second report was corrected") { citationsRemoved sourceCount } }';
    expect((await ok(WITHDRAW, { f: ids.deal, s: second })).withdrawCitations).toEqual({
      citationsRemoved: 1,
      sourceCount: 1,
    });
    const event = await ok('query($id: ID!) { event(id: $id) { sourceCount sources { source { id } } } }', {
      id: ids.deal,
    });
    expect(event.event).toEqual({ sourceCount: 1, sources: [{ source: { id: first } }] });
    const only = await errorOf(WITHDRAW, { f: ids.deal, s: first });
    expect(only.extensions.code).toBe('CONFLICT');
    expect(only.message).toMatch(/only source/);
  });

  it('imports JSON Lines: a dry run says what each record would do; a real run is all or nothing, with line numbers; a re-run changes nothing', async () => {
    const example = readFileSync(repoPath('examples', 'second-source.jsonl'), 'utf8');
    const dry = await importFacts(api.graph.db, parseJsonLines(example), example, {
      dryRun: true,
      by: { principal: 'test-import', role: 'admin' },
    });
    expect(dry.results.map((r) => [r.line, r.outcome])).toEqual([
      [1, 'CREATED'],
      [2, 'CORROBORATED'],
      [3, 'CORROBORATED'],
      [4, 'CONFLICT'],
    ]);
    expect(dry.results[3]!.error!.message).toMatch(
      /line 4: .*reports the same event as event\/acquisition\/google-character-ai/,
    );
    await expect(
      importFacts(api.graph.db, parseJsonLines(example), example, {
        dryRun: false,
        by: { principal: 'test-import', role: 'admin' },
      }),
    ).rejects.toThrow(/line 4: /);
    expect((await ok('{ source(id: "source/example-second-report") { id } }')).source).toBeNull();

    const lines = [
      {
        record: 'source',
        id: `source/${tag}-import`,
        title: 'An import test',
        text: 'Orca Labs hired Qi Lan from Pike AI in 2025.',
      },
      { record: 'entity', id: `org/${tag}-orca`, label: 'Organization', name: 'Orca Labs', quote: 'Orca Labs' },
      { record: 'entity', id: `org/${tag}-pike`, label: 'Organization', name: 'Pike AI', quote: 'Pike AI' },
      { record: 'entity', id: `person/${tag}-qi`, label: 'Person', name: 'Qi Lan', quote: 'Qi Lan' },
      {
        record: 'relationship',
        type: 'WORKS_AT',
        from: `person/${tag}-qi`,
        to: `org/${tag}-orca`,
        quote: 'Orca Labs hired Qi Lan',
      },
      {
        record: 'event',
        id: `event/talent-move/${tag}-qi`,
        kind: 'TALENT_MOVE',
        date: '2025',
        summary: 'Qi Lan moved from Pike AI to Orca Labs',
        participants: [
          { role: 'mover', id: `person/${tag}-qi` },
          { role: 'from', id: `org/${tag}-pike` },
          { role: 'to', id: `org/${tag}-orca` },
        ],
        quotes: ['Orca Labs hired Qi Lan from Pike AI in 2025.'],
      },
    ];
    const text = lines.map((l) => JSON.stringify(l)).join('\n');
    const by = { principal: 'test-import', role: 'admin' };
    // Small transactions and chunks, so the resumable path runs too.
    const imported = await importFacts(api.graph.db, parseJsonLines(text), text, {
      dryRun: false,
      by,
      transactionRecords: 2,
      chunkRecords: 1,
    });
    expect(imported.counts).toEqual({ CREATED: 6 });
    const rerun = await importFacts(api.graph.db, parseJsonLines(text), text, {
      dryRun: false,
      by,
      transactionRecords: 2,
      chunkRecords: 1,
    });
    expect(rerun.resumedGroups).toBe(3);
    const again = await importFacts(api.graph.db, parseJsonLines(text), text, { dryRun: false, by });
    expect(again.counts).toEqual({ UNCHANGED: 6 });
    const moves = await ok(
      'query($to: ID!) { talentMoves(to: $to) { totalCount edges { node { id sources { quote } } } } }',
      { to: `org/${tag}-orca` },
    );
    expect(moves.talentMoves.totalCount).toBe(1);
    const history = await ok('query($id: ID!) { history(id: $id) { action principal } }', { id: `person/${tag}-qi` });
    expect(history.history).toEqual([{ action: 'CREATE', principal: 'test-import' }]);

    expect(() => parseJsonLines('{"record":"entity","id":"org/x"}\nnot json\n{"record":"thing"}')).toThrow(
      /line 1: label is required[\s\S]*line 2: not JSON[\s\S]*line 3: "record" must be one of/,
    );
    const broken = [lines[0], { ...lines[1], id: `org/${tag}-bad`, allowSameName: true, quote: 'not in the text' }]
      .map((l) => JSON.stringify(l))
      .join('\n');
    await expect(importFacts(api.graph.db, parseJsonLines(broken), broken, { dryRun: false, by })).rejects.toThrow(
      new ImportError(
        'BAD_USER_INPUT',
        2,
        'entities.0.quote',
        'entities.0.quote: not a verbatim span of its source: "not in the text"',
      ),
    );
  });

  it("sizes its transactions by the server's transaction memory, and refuses a group that does not fit with nothing written", async () => {
    const sized = await transactionRecords(api.graph.db);
    expect(sized.basis).toMatch(/memory\.transaction/);
    expect(sized.records).toBeGreaterThanOrEqual(1_000);
    expect(sized.records).toBeLessThanOrEqual(100_000);

    // A Neo4j of its own whose transactions may hold 4 MiB (Community cannot change it at run time).
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `${tag}-small-`));
    const small = await startLocalNeo4j({
      dataDir,
      port: 0,
      heapMb: 512,
      pageCacheMb: 64,
      logger,
      settings: { 'db.memory.transaction.max': '4MiB' },
    });
    const driver = await connectDriver(small.uri, 'neo4j', 'neo4j', 'neo4j');
    try {
      const db = new Executor(driver, 'neo4j', logger, 120_000);
      await migrate(db, logger);
      expect(await transactionRecords(db)).toEqual({
        records: 1_000,
        basis: expect.stringMatching(/^db\.memory\.transaction\.max = 4/),
      });
      const lines = [
        { record: 'source', id: `source/${tag}-big`, title: 'A large import test', text: 'Acme Big appears here.' },
        ...Array.from({ length: 999 }, (_, i) => ({
          record: 'entity',
          id: `org/${tag}-big-${i}`,
          label: 'Organization',
          name: `Acme Big ${i}`,
          quote: 'Acme Big',
        })),
      ];
      const text = lines.map((l) => JSON.stringify(l)).join('\n');
      await expect(
        importFacts(db, parseJsonLines(text), text, { dryRun: false, by: { principal: 'test-import', role: 'admin' } }),
      ).rejects.toThrow(TransactionTooLarge);
      const left = await db.read(
        { name: 'countLeft', cypher: 'MATCH (n) WHERE n:Source OR n:Entity OR n:Revision RETURN count(n) AS n' },
        {},
      );
      expect(left[0]!.n).toBe(0);
    } finally {
      await driver.close();
      await small.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('runs the import command with a principal from IMPORT_CREDENTIAL, and refuses without one', async () => {
    const file = path.join(os.tmpdir(), `${tag}.jsonl`);
    writeFileSync(file, readFileSync(repoPath('examples', 'second-source.jsonl')));
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [repoPath('dist', 'src', 'tools', 'import.js'), file, '--dry-run'], {
        env: {
          ...process.env,
          NEO4J_URI: process.env.TEST_NEO4J_URI!,
          API_KEYS: `admin:${TEST_KEYS.admin}`,
          LOG_LEVEL: 'error',
          ...env,
        },
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const dry = await run({ IMPORT_CREDENTIAL: TEST_KEYS.admin });
    expect(dry.code).toBe(2);
    expect(dry.stdout).toMatch(
      /line 4: event event\/acquisition\/google-buys-character-ai: CONFLICT: events.0: .*reports the same event as/,
    );
    expect(dry.stdout).toMatch(/dry run, nothing written: 4 records \(1 created, 1 conflict, 2 corroborated\)/);
    const anonymous = await run({ IMPORT_CREDENTIAL: '' });
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toMatch(/IMPORT_CREDENTIAL must hold/);
  });

  it('answers a graph written in plain Cypher, in the contract’s shape, like the same facts written through the API, after reindex', async () => {
    const facts = (t: string) => ({
      source: `source/${tag}-${t}`,
      a: `person/${tag}-${t}-a`,
      o: `org/${tag}-${t}-o`,
      e: `event/talent-move/${tag}-${t}-e`,
      r: `rel/works_at/person/${tag}-${t}-a/org/${tag}-${t}-o`,
    });
    const text = 'Zhou Yi joined Kestrel AI as CTO in June 2025.';
    const viaApi = facts('api');
    await ok('mutation($input: SourceInput!) { addSource(input: $input) { outcome } }', {
      input: { id: viaApi.source, title: 'T', text },
    });
    await ok(ADD_ENTITY, {
      input: {
        id: viaApi.a,
        type: 'Person',
        name: `Zhou Yi ${tag}`,
        aliases: ['周一'],
        citation: { sourceId: viaApi.source, quote: 'Zhou Yi' },
      },
    });
    await ok(ADD_ENTITY, {
      input: {
        id: viaApi.o,
        type: 'Organization',
        name: `Kestrel AI ${tag}`,
        citation: { sourceId: viaApi.source, quote: 'Kestrel AI' },
      },
    });
    await ok('mutation($input: RelationshipInput!) { addRelationship(input: $input) { outcome } }', {
      input: {
        type: 'WORKS_AT',
        from: viaApi.a,
        to: viaApi.o,
        role: 'CTO',
        citation: { sourceId: viaApi.source, quote: 'Zhou Yi joined Kestrel AI as CTO' },
      },
    });
    await ok(ADD_EVENT, {
      input: {
        id: viaApi.e,
        kind: 'TALENT_MOVE',
        date: '2025-06',
        summary: 'Zhou Yi joined Kestrel AI',
        participants: [
          { role: 'mover', entity: viaApi.a },
          { role: 'to', entity: viaApi.o },
        ],
        sourceId: viaApi.source,
        quotes: [text],
      },
    });

    // The same facts as another tool writes them: only what docs/model.md's contract asks for.
    const plain = facts('cypher');
    await api.graph.driver.executeQuery(
      `CREATE (s:Source {id: $f.source, title: 'T', text: $text})
       CREATE (a:Entity:Person {id: $f.a, name: $personName, aliases: ['周一']})-[:MENTIONED_IN {quote: 'Zhou Yi'}]->(s)
       CREATE (o:Entity:Organization {id: $f.o, name: $orgName})-[:MENTIONED_IN {quote: 'Kestrel AI'}]->(s)
       CREATE (a)-[:WORKS_AT {id: $f.r, role: 'CTO', sourceId: $f.source, quote: 'Zhou Yi joined Kestrel AI as CTO'}]->(o)
       CREATE (e:Event:TalentMove {id: $f.e, kind: 'TALENT_MOVE', date: '2025-06', summary: 'Zhou Yi joined Kestrel AI'})-[:CITES {quote: $text}]->(s)
       CREATE (e)-[:INVOLVES {role: 'mover'}]->(a), (e)-[:INVOLVES {role: 'to'}]->(o)`,
      { f: plain, text, personName: `Zhou Yi ${tag}`, orgName: `Kestrel AI ${tag}` },
    );
    expect((await countUnderived(api.graph.db)).total).toBeGreaterThanOrEqual(4);
    expect((await ok('{ health { underived } }')).health.underived).toBeGreaterThanOrEqual(4);
    await reindex(api.graph.db, logger);
    expect((await countUnderived(api.graph.db)).total).toBe(0);

    const READ = `query($a: ID!, $o: ID!, $name: String!, $prefix: String!) {
      events(involving: $a, first: 10) { totalCount edges { node { kind date summary sourceCount sources { quote offset } participants { role entity { name } } } } }
      timeline(entity: $o, first: 10) { edges { node { summary } } }
      talentMoves(to: $o) { totalCount edges { node { mover { name } date } } }
      entity(id: $a) { name names degree latestEvent sourceCount mentions { quote offset } relationships { type role sourceCount citation { quote } citations { quote offset } } events { edges { node { summary } } } }
      search(text: $prefix) { name }
      entitiesByName(name: $name) { name }
      entities(namePrefix: $prefix, first: 5) { totalCount edges { node { name degree } } }
    }`;
    const answer = async (f: ReturnType<typeof facts>) =>
      ok(READ, { a: f.a, o: f.o, name: '周一', prefix: `Zhou Yi ${tag}` });
    const [fromApi, fromCypher] = await Promise.all([answer(viaApi), answer(plain)]);
    expect(fromCypher.events).toEqual(fromApi.events);
    expect(fromCypher.timeline).toEqual(fromApi.timeline);
    expect(fromCypher.talentMoves).toEqual(fromApi.talentMoves);
    expect(fromCypher.entity).toEqual(fromApi.entity);
    expect(fromApi.events.totalCount).toBe(1);
    expect(fromApi.entity.degree).toBe(2);
    // Both entities bear the name: each read finds the two, the API's and the plain one.
    expect(fromApi.search.filter((n: { name: string }) => n.name.startsWith('Zhou Yi'))).toHaveLength(2);
    expect(fromApi.entitiesByName).toHaveLength(2);
    expect(fromApi.entities.totalCount).toBe(2);
  });
});
