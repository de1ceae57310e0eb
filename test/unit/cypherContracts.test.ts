import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR, parseCypherBlocks, type Contract, type NamedQuery } from '../../src/cypher/cypherFiles';
import type { Run } from '../../src/neo4j/executor';
import {
  blockParams,
  browserParams,
  filesUnder,
  returnColumns,
  scanContracts,
  type DeclaredContract,
} from '../support/cypherContracts';
import { EntityLabel, EventKind } from '../../src/model/vocabulary';
import { entityCountRead, entityPageRead, type entityQueries } from '../../src/store/entities.store';
import { eventCountParams, eventPageParams, type eventQueries } from '../../src/store/events.store';

/** The blocks of the entity and event pages, counts and nested lists (issue 20, the cold first call). */
type HotQueries = Pick<typeof entityQueries, 'entityPage' | 'entityCount'> &
  Pick<
    typeof eventQueries,
    | 'eventPage'
    | 'eventPageBackward'
    | 'eventCount'
    | 'eventsOfEntities'
    | 'eventsOfEntitiesBackward'
    | 'eventCountsOfEntities'
  >;
type HotBlock = keyof HotQueries;
/** The parameters of a block whose type in Neo4j's plan cache varies with the value: strings, lists, nullable ones. */
type Unstable<P> = {
  [K in keyof P]-?: null extends P[K] ? K : P[K] extends string | readonly unknown[] ? K : never;
}[keyof P];
/** `true` when a block's top-level parameters are numbers, booleans and maps only, else the offending names. */
type PlanStable<Q> =
  Q extends NamedQuery<infer P, unknown> ? ([Unstable<P>] extends [never] ? true : Unstable<P>) : never;

const ROOT = path.resolve(__dirname, '../..');

/** Every named block under cypher/ (migrations have none), by `file#block`. */
const blocks = new Map<string, string>();
for (const file of filesUnder(CYPHER_DIR, '.cypher')) {
  const relative = path.relative(CYPHER_DIR, file);
  for (const [name, cypher] of parseCypherBlocks(readFileSync(file, 'utf8'), relative))
    blocks.set(`${relative}#${name}`, cypher);
}

/** What is wrong between the declared contracts and the blocks, one line each. */
function contractProblems(contracts: DeclaredContract[], texts: Map<string, string>): string[] {
  const problems: string[] = [];
  const declared = new Map<string, DeclaredContract[]>();
  for (const c of contracts)
    declared.set(`${c.cypherFile}#${c.block}`, [...(declared.get(`${c.cypherFile}#${c.block}`) ?? []), c]);
  for (const [key, cypher] of texts) {
    const found = declared.get(key) ?? [];
    if (found.length !== 1) {
      problems.push(`${key}: ${found.length} contracts (${found.map((c) => c.file).join(', ') || 'none'}), not one`);
      continue;
    }
    const [contract] = found as [DeclaredContract];
    const used = blockParams(cypher);
    const missing = used.filter((p) => !contract.params.includes(p));
    const extra = contract.params.filter((p) => !used.includes(p));
    if (missing.length) problems.push(`${key}: uses $${missing.join(', $')}, which ${contract.file} does not declare`);
    if (extra.length)
      problems.push(`${key}: ${contract.file} declares ${extra.join(', ')}, which the block does not use`);
    const returned = returnColumns(cypher);
    if (contract.columns === null)
      problems.push(
        `${key}: ${contract.file} declares no columns for its rows (the block returns ${returned.join(', ') || 'nothing'})`,
      );
    else if (contract.columns.join() !== returned.join())
      problems.push(
        `${key}: returns ${returned.join(', ') || 'nothing'}, but ${contract.file} declares rows of ${contract.columns.join(', ') || 'nothing'}`,
      );
    if (contract.optional.length)
      problems.push(
        `${key}: ${contract.file} makes ${contract.optional.join(', ')} optional: every parameter is supplied`,
      );
  }
  for (const key of declared.keys()) if (!texts.has(key)) problems.push(`${key}: a contract for no block`);
  return problems;
}

describe('typed Cypher contracts', () => {
  const scan = scanContracts(ROOT, path.join(ROOT, 'src'));

  it('every loadCypherFile call declares the contracts of its blocks', () => {
    expect(scan.untyped).toEqual([]);
    expect(scan.contracts.length).toBeGreaterThan(60);
    expect(scan.contracts.find((c) => c.block === 'eventsByIds')).toEqual({
      file: path.join('src', 'store', 'events.store.ts'),
      cypherFile: 'queries/events.cypher',
      block: 'eventsByIds',
      params: ['ids'],
      optional: [],
      columns: ['event'],
    });
    expect(scan.contracts.find((c) => c.block === 'entityPage')?.params).toEqual([
      'ascending',
      'byEvents',
      'cap',
      'countOnly',
      'first',
      'page',
      'prefixNames',
      'scan',
      'sets',
    ]);
  });

  it('the page and count blocks take no top-level string, list or nullable parameter (each would key a plan of its own per size bucket): numbers, booleans and one map', () => {
    // Compile-time: a contract with such a parameter makes `true` unassignable (npm run typecheck).
    const hot = {
      entityPage: true,
      entityCount: true,
      eventPage: true,
      eventPageBackward: true,
      eventCount: true,
      eventsOfEntities: true,
      eventsOfEntitiesBackward: true,
      eventCountsOfEntities: true,
    } satisfies { [N in HotBlock]: PlanStable<HotQueries[N]> };
    // @ts-expect-error: a block taking a string (or a list, or a nullable value) at the top level is refused
    const refused: PlanStable<NamedQuery<{ lo: string; first: number }, Record<string, never>>> = true;
    expect(refused).toBe(true);
    // Run time: the parameters the stores build for a filtered page.
    const page = entityPageRead(
      {
        order: 'NAME',
        label: null,
        category: null,
        prefix: '陈',
        eventKinds: [EventKind.ACQUISITION],
        eventsFrom: '2024',
        eventsTo: null,
      },
      { first: 20, backward: false, after: 'chen a', before: null },
    );
    const sent = [
      page,
      entityCountRead({
        order: 'DEGREE',
        label: EntityLabel.Organization,
        category: null,
        prefix: null,
        eventKinds: null,
        eventsFrom: null,
        eventsTo: '2025',
      }),
      eventPageParams({ first: 20, kinds: [EventKind.ACQUISITION], participants: [{ role: null, id: 'org/a' }] }),
      eventCountParams({ first: 20, from: '2024' }),
    ];
    const kinds = sent.map((params) =>
      Object.values(params).map((v) =>
        v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'map' : typeof v,
      ),
    );
    expect(kinds.flat().filter((k) => !['number', 'boolean', 'map'].includes(k))).toEqual([]);
    expect(Object.keys(hot)).toHaveLength(8);
  });

  it('every block has one contract: its parameters are exactly the $names the block uses, its row the columns it returns', () => {
    expect(blocks.size).toBeGreaterThan(60);
    expect(contractProblems(scan.contracts, blocks)).toEqual([]);
  });

  it('row types are declared once: no two exported types of src/ share a name', () => {
    const declared = new Map<string, string[]>();
    for (const file of filesUnder(path.join(ROOT, 'src'), '.ts'))
      for (const m of readFileSync(file, 'utf8').matchAll(/^export (?:interface|type) ([A-Za-z0-9_]+)/gm))
        declared.set(m[1]!, [...(declared.get(m[1]!) ?? []), path.relative(ROOT, file)]);
    expect([...declared].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it('every $name a block uses has a :param line, so the block runs as it is in Neo4j Browser', () => {
    const unset = [...blocks].flatMap(([key, cypher]) => {
      const set = browserParams(cypher);
      const missing = blockParams(cypher).filter((p) => !set.includes(p));
      return missing.length ? [`${key}: no :param ${missing.join(', ')}`] : [];
    });
    expect(unset).toEqual([]);
  });

  it('names what is wrong: an undeclared $param, a declared one the block does not use, an optional one, a missing contract', () => {
    const texts = new Map([
      ['queries/x.cypher#a', 'MATCH (n {id: $id}) WHERE n.k = $key RETURN n'],
      ['queries/x.cypher#b', "RETURN '$notAParam' AS text, $limit AS limit"],
      ['queries/x.cypher#c', 'RETURN 1'],
    ]);
    const contract = (
      block: string,
      params: string[],
      { optional = [], columns = ['n'] }: { optional?: string[]; columns?: string[] | null } = {},
    ): DeclaredContract => ({
      file: 'src/store/x.store.ts',
      cypherFile: 'queries/x.cypher',
      block,
      params,
      optional,
      columns,
    });
    expect(
      contractProblems(
        [
          contract('a', ['id', 'first']),
          contract('b', ['limit'], { optional: ['limit'], columns: ['text'] }),
          contract('d', [], { columns: null }),
        ],
        texts,
      ),
    ).toEqual([
      'queries/x.cypher#a: uses $key, which src/store/x.store.ts does not declare',
      'queries/x.cypher#a: src/store/x.store.ts declares first, which the block does not use',
      'queries/x.cypher#b: returns limit, text, but src/store/x.store.ts declares rows of text',
      'queries/x.cypher#b: src/store/x.store.ts makes limit optional: every parameter is supplied',
      'queries/x.cypher#c: 0 contracts (none), not one',
      'queries/x.cypher#d: a contract for no block',
    ]);
  });

  it('reads the columns of the last top-level RETURN: aliases, bare names, subqueries and modifiers left out', () => {
    expect(returnColumns('MATCH (n) RETURN n, n.nameSort AS key ORDER BY key LIMIT $limit + 1')).toEqual(['key', 'n']);
    expect(
      returnColumns(
        'MATCH (e) CALL (e) { MATCH (e)--(x) RETURN x } WITH e, COUNT { MATCH (e)--() RETURN 1 } AS d RETURN DISTINCT e {.id, nested: [y IN d | y]} AS event;',
      ),
    ).toEqual(['event']);
    expect(returnColumns("UNWIND $rows AS row MERGE (n {id: row.id}) SET n.note = 'RETURN x AS y'")).toEqual([]);
    expect(returnColumns('MATCH (a) RETURN a.id AS id UNION MATCH (b) RETURN b.id AS id')).toEqual(['id']);
    expect(returnColumns('MATCH (n) // RETURN old AS commented\nRETURN count(n) AS count, n.returned')).toEqual([
      'count',
      'n.returned',
    ]);
  });

  it('the compiler refuses a call with a missing, an extra or a mistyped parameter, and types the rows', async () => {
    const query: NamedQuery<{ ids: string[]; first: number }, { id: string }> = { name: 'q', cypher: 'RETURN 1' };
    const none: NamedQuery<Contract<Record<never, never>>['params'], { n: number }> = { name: 'n', cypher: 'RETURN 1' };
    const sent: unknown[] = [];
    const run: Run = (_query, ...params) => {
      sent.push(params[0]);
      return Promise.resolve([]);
    };
    const rows: { id: string }[] = await run(query, { ids: ['a'], first: 1 });
    // @ts-expect-error: `first` is missing
    await run(query, { ids: ['a'] });
    // @ts-expect-error: `extra` is not a parameter of the block
    await run(query, { ids: ['a'], first: 1, extra: true });
    const wider = { ids: ['a'], first: 1, extra: true };
    // @ts-expect-error: the same through a variable
    await run(query, wider);
    // @ts-expect-error: `first` is a number
    await run(query, { ids: ['a'], first: '1' });
    // @ts-expect-error: a block with parameters needs them
    await run(query);
    await run(none);
    // @ts-expect-error: a block without parameters takes none
    await run(none, { x: 1 });
    expect(rows).toEqual([]);
    expect(sent).toHaveLength(8);
  });
});
