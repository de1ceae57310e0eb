import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root, found from src/ (ts-jest) and from dist/src/ (npm start) alike. */
function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${from}`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot(__dirname);

export function repoPath(...segments: string[]): string {
  return path.join(REPO_ROOT, ...segments);
}
