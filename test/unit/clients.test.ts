import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SCHEMA_FILE } from '../../src/graphql/schema';
import { repoPath } from '../../src/paths';
import { exampleOperations, readmeOperations, type DocumentedOperation } from '../support/operations';

/**
 * The schema and the documented operations as two real client toolchains take them: relay-compiler
 * (Relay's Cursor Connections and Global Object Identification specs, @connection on every list
 * that pages) and GraphQL Code Generator's typescript-operations (every operation named).
 */

const documented = () => [...exampleOperations(), ...readmeOperations()];

/** Relay's naming rule: an operation is named after its module and ends in its kind (…Query). */
function relayName(module: string, op: DocumentedOperation): string {
  const suffix = op.kind[0]!.toUpperCase() + op.kind.slice(1);
  return `${module}${op.name}${op.name.endsWith(suffix) ? '' : suffix}`;
}

/** Pagination fragments, as a Relay app writes them, for every connection of the schema. */
const PAGINATION = `
declare const graphql: (text: TemplateStringsArray) => unknown;
export const events = graphql\`
  fragment Paging_events on Query @refetchable(queryName: "PagingEventsQuery")
    @argumentDefinitions(first: { type: "Int" }, after: { type: "String" }, last: { type: "Int" }, before: { type: "String" }) {
    events(first: $first, after: $after, last: $last, before: $before) @connection(key: "Paging_events") {
      totalCount edges { node { id kind date } }
    }
  }\`;
export const timeline = graphql\`
  fragment Paging_timeline on Query @refetchable(queryName: "PagingTimelineQuery")
    @argumentDefinitions(entity: { type: "ID!" }, last: { type: "Int", defaultValue: 10 }, before: { type: "String" }) {
    timeline(entity: $entity, last: $last, before: $before) @connection(key: "Paging_timeline") {
      edges { node { id summary } }
    }
  }\`;
export const talentMoves = graphql\`
  fragment Paging_talentMoves on Query @refetchable(queryName: "PagingTalentMovesQuery")
    @argumentDefinitions(first: { type: "Int", defaultValue: 10 }, after: { type: "String" }) {
    talentMoves(first: $first, after: $after) @connection(key: "Paging_talentMoves") {
      edges { node { id mover { id name } } }
    }
  }\`;
export const acquisitions = graphql\`
  fragment Paging_acquisitions on Query @refetchable(queryName: "PagingAcquisitionsQuery")
    @argumentDefinitions(last: { type: "Int", defaultValue: 10 }, before: { type: "String" }) {
    acquisitions(last: $last, before: $before) @connection(key: "Paging_acquisitions") {
      edges { node { id target { id name } } }
    }
  }\`;
export const entities = graphql\`
  fragment Paging_entities on Query @refetchable(queryName: "PagingEntitiesQuery")
    @argumentDefinitions(first: { type: "Int", defaultValue: 10 }, after: { type: "String" }) {
    entities(first: $first, after: $after, orderBy: DEGREE) @connection(key: "Paging_entities") {
      edges { node { id name degree } }
    }
  }\`;
export const entitiesBackward = graphql\`
  fragment Paging_entitiesBackward on Query @refetchable(queryName: "PagingEntitiesBackwardQuery")
    @argumentDefinitions(last: { type: "Int", defaultValue: 10 }, before: { type: "String" }, order: { type: "EntityOrder", defaultValue: NAME }) {
    entities(last: $last, before: $before, orderBy: $order, hasEventOf: [ACQUISITION]) @connection(key: "PagingBackward_entities", filters: ["orderBy"]) {
      stoppedAtBound edges { node { id name } }
    }
  }\`;
export const organizationAcquisitions = graphql\`
  fragment Paging_organizationAcquisitions on Organization @refetchable(queryName: "PagingOrganizationAcquisitionsQuery")
    @argumentDefinitions(first: { type: "Int", defaultValue: 5 }, after: { type: "String" }) {
    acquisitions(first: $first, after: $after) @connection(key: "Paging_acquisitions") { totalCount edges { node { id } } }
  }\`;
export const organizationTalentIn = graphql\`
  fragment Paging_organizationTalentIn on Organization @refetchable(queryName: "PagingOrganizationTalentInQuery")
    @argumentDefinitions(first: { type: "Int", defaultValue: 5 }, after: { type: "String" }) {
    talentIn(first: $first, after: $after) @connection(key: "Paging_talentIn") { totalCount edges { node { id } } }
  }\`;
export const organizationEvents = graphql\`
  fragment Paging_organizationEvents on Organization @refetchable(queryName: "PagingOrganizationEventsQuery")
    @argumentDefinitions(first: { type: "Int", defaultValue: 5 }, after: { type: "String" }) {
    events(first: $first, after: $after) @connection(key: "Paging_events") { totalCount edges { node { id } } }
  }\`;
export const person = graphql\`
  fragment Paging_person on Person @refetchable(queryName: "PagingPersonQuery")
    @argumentDefinitions(first: { type: "Int", defaultValue: 5 }, after: { type: "String" }) {
    moves(first: $first, after: $after) @connection(key: "Paging_moves") { edges { node { id } } }
  }\`;
`;

describe('client toolchains', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clients-'));
  });
  afterAll(() => process.env.KEEP_CLIENTS_DIR || rmSync(dir, { recursive: true, force: true }));

  it('every documented operation is named, and there are some of each origin', () => {
    const ops = documented();
    expect(ops.filter((o) => o.origin === 'README').length).toBeGreaterThanOrEqual(10);
    expect(ops.filter((o) => o.origin === 'examples').length).toBeGreaterThanOrEqual(15);
    expect(ops.filter((o) => !o.name).map((o) => o.text)).toEqual([]);
    const names = ops.map((o) => o.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('relay-compiler compiles the schema with a pagination fragment for every connection, and the examples and README operations', () => {
    const project = path.join(dir, 'relay');
    mkdirSync(path.join(project, 'src'), { recursive: true });
    mkdirSync(path.join(project, '__generated__'));
    writeFileSync(
      path.join(project, 'relay.config.json'),
      JSON.stringify({
        src: './src',
        schema: SCHEMA_FILE,
        language: 'typescript',
        artifactDirectory: './__generated__',
        customScalarTypes: { PartialDate: 'string', JSONObject: 'Record<string, unknown>' },
      }),
    );
    writeFileSync(path.join(project, 'src', 'Paging.ts'), PAGINATION);
    for (const [module, ops] of [
      ['Examples', exampleOperations()],
      ['Readme', readmeOperations()],
    ] as const) {
      const texts = ops.map((op) => {
        const renamed = op.text.replace(
          new RegExp(`^(\\s*${op.kind}\\s+)${op.name}\\b`, 'm'),
          `$1${relayName(module, op)}`,
        );
        // Without the comments: relay's extraction of graphql`…` stops at an escaped backtick.
        const body = renamed
          .split('\n')
          .filter((line) => !line.trim().startsWith('#'))
          .join('\n');
        return `export const ${op.name} = graphql\`${body}\`;`;
      });
      writeFileSync(
        path.join(project, 'src', `${module}.ts`),
        `declare const graphql: (text: TemplateStringsArray) => unknown;\n${texts.join('\n')}\n`,
      );
    }
    const run = spawnSync(repoPath('node_modules', '.bin', 'relay-compiler'), [], { cwd: project, encoding: 'utf8' });
    const problems = `${run.stdout}${run.stderr}`.split('\n').filter((l) => /ERROR|WARN/.test(l));
    expect({ status: run.status, problems }).toEqual({ status: 0, problems: [] });
    const generated = new Set(readdirSync(path.join(project, '__generated__')));
    for (const [module, ops] of [
      ['Examples', exampleOperations()],
      ['Readme', readmeOperations()],
    ] as const) {
      for (const op of ops) expect(generated).toContain(`${relayName(module, op)}.graphql.ts`);
    }
    const artifacts = [
      'PagingEventsQuery',
      'PagingTimelineQuery',
      'PagingOrganizationTalentInQuery',
      'PagingPersonQuery',
      'ExamplesMoonshotLatestEventsQuery',
      'ReadmeWriteFromScratchMutation',
    ];
    for (const name of artifacts)
      expect(readFileSync(path.join(project, '__generated__', `${name}.graphql.ts`), 'utf8')).toContain(name);
    // usePaginationFragment pages entities backward: relay-compiler's metadata for loadPrevious.
    const backward = readFileSync(path.join(project, '__generated__', 'Paging_entitiesBackward.graphql.ts'), 'utf8');
    expect(backward).toMatch(/"count": "last",\s*"cursor": "before",\s*"direction": "backward"/);
    expect(readFileSync(path.join(project, '__generated__', 'PagingEntitiesBackwardQuery.graphql.ts'), 'utf8')).toMatch(
      /"name": "startCursor"[\s\S]*"name": "hasPreviousPage"|"name": "hasPreviousPage"[\s\S]*"name": "startCursor"/,
    );
  }, 60_000);

  it('GraphQL Code Generator (typescript-operations) types every example and README operation', () => {
    const documents = documented().map((op, i) => {
      const file = path.join(dir, `${op.origin}-${i}.graphql`);
      writeFileSync(file, op.text);
      return file;
    });
    const output = path.join(dir, 'operations.ts');
    const config = path.join(dir, 'codegen.json');
    writeFileSync(
      config,
      JSON.stringify({
        schema: SCHEMA_FILE,
        documents,
        generates: { [output]: { plugins: ['typescript', 'typescript-operations'] } },
      }),
    );
    // As users run it: the CLI (an ES module, which jest's CommonJS runtime cannot load in-process).
    const run = spawnSync(repoPath('node_modules', '.bin', 'graphql-codegen'), ['--config', config], {
      encoding: 'utf8',
    });
    expect({ status: run.status, output: run.status === 0 ? '' : `${run.stdout}${run.stderr}` }).toEqual({
      status: 0,
      output: '',
    });
    const generated = readFileSync(output, 'utf8');
    for (const op of documented()) {
      const suffix = op.kind[0]!.toUpperCase() + op.kind.slice(1);
      expect(generated).toContain(`export type ${op.name}${suffix} = `);
    }
  }, 60_000);
});
