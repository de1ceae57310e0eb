import { loadCypherFile } from '../cypher/cypherFiles';

/**
 * cypher/queries/subgraph.cypher: the graph selection shared by graph(...), neighborhood and the
 * exports. Its parameters and rows are typed in src/graph/subgraph.ts (Selection, SubgraphRow),
 * which reads and streams it.
 */
export const subgraphQueries = loadCypherFile('queries/subgraph.cypher', ['subgraph']);
