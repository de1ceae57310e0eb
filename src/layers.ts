/**
 * The layers of src/, top first. A module is a folder of src/ (or a file directly in it, by its
 * name without `.ts`). A file may import files of its own module and of modules in a layer below
 * its own, never one in its own layer or above: modules in one layer are peers that do not know each
 * other. test/unit/importGraph.test.ts reads every import of src/ (type imports included) and fails on
 * an import that runs up or sideways, and on any cycle between files, naming the pair.
 *
 * http → graphql → write service/store → neo4j/cypher → model, with:
 * - entry points on top (main, the CLIs in tools/, the generator's CLI and bulk loaders);
 * - config above the guard (it reads the guard's and auth's defaults and checks the API keys);
 * - the guard between http and graphql: it admits requests (authentication, rate limits, document
 *   limits, cost) and shapes GraphQL errors, for the HTTP and WebSocket adapters in http/;
 * - db (migrations, reindex, start-up) above the seed and the import, which write through the
 *   write service (facts/); the change feed and the graph analytics read through the stores;
 * - auth (principals, API keys, JWTs) below every caller of it, above the stores it does not need;
 * - telemetry below neo4j (the executor counts and traces its transactions);
 * - errors, logger and paths at the bottom: every layer uses them (and this file, which imports nothing).
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['main', 'tools', 'generate'],
  ['http'],
  ['config'],
  ['guard'],
  ['graphql'],
  ['db'],
  ['seed', 'import'],
  ['facts', 'changes', 'graph'],
  ['auth'],
  ['store'],
  ['neo4j'],
  ['cypher'],
  ['telemetry'],
  ['model'],
  ['errors', 'logger', 'paths', 'layers'],
];
