import { readFileSync } from 'node:fs';
import { repoPath } from '../../src/paths';

/** The node and edge fields the explorer asks graph(...) for (web/explore/api.js), read from its source. */
export const GRAPH_FIELDS = /GRAPH_FIELDS =\s*'([^']+)'/.exec(
  readFileSync(repoPath('web', 'explore', 'api.js'), 'utf8'),
)![1];
