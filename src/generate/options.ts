import { repoPath } from '../paths';

/** Where the generated store lives unless told otherwise (git-ignored, apart from the seeded .data/neo4j). */
export const DEFAULT_SCALE_DIR = repoPath('.data', 'neo4j-scale');

/**
 * Heap and page cache for the generated store, set explicitly: the 1M graph is ~1.5 GB on disk and
 * fits the page cache; the machine has 24 GiB and 2 cores shared with the API and other work.
 */
export function scaleMemory(nodes: number): { heapMb: number; pageCacheMb: number } {
  return nodes >= 500_000 ? { heapMb: 4096, pageCacheMb: 4096 } : { heapMb: 1024, pageCacheMb: 512 };
}
