import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, type Router } from 'express';
import { repoPath } from '../paths';
import type { ExampleOperation } from './examples';
import { staticFile } from './staticFiles';

function isPackageRoot(dir: string, pkg: string): boolean {
  const manifest = path.join(dir, 'package.json');
  return existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === pkg;
}

/**
 * A file of an installed npm package, found from the package's folder (their `exports` maps hide
 * the browser builds from require.resolve). Throws at start-up when the package or file is missing.
 */
export function packageFile(pkg: string, file: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!isPackageRoot(dir, pkg)) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package ${pkg}: folder not found`);
    dir = parent;
  }
  const found = path.join(dir, file);
  if (!existsSync(found)) throw new Error(`package ${pkg}: ${file} not found`);
  return found;
}

/** The IDE's browser files, all from node_modules: nothing comes from a CDN. */
const IDE_ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
  // graphql-ws's browser client (global graphqlWs), for subscriptions in the IDE and the explorer.
  'graphql-ws.js': packageFile('graphql-ws', 'umd/graphql-ws.min.js'),
};

/** A browser asking for a page (Accept prefers text/html), not a GraphQL GET request. */
function wantsPage(req: Request): boolean {
  return (
    req.query.query === undefined &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html'
  );
}

/**
 * GraphiQL at GET /graphql for browsers, with one tab per example operation; its scripts and
 * styles under /ide/. Everything else on /graphql (POST, GET with a query) goes on to Apollo.
 */
export function ideRouter(examples: ExampleOperation[]): Router {
  const router = express.Router();
  const page = repoPath('web', 'ide', 'index.html');
  const pageFile = staticFile(page, 'own');
  router.get('/graphql', (req, res, next) => (wantsPage(req) ? pageFile(req, res, next) : next()));
  router.get('/ide/examples.json', (_req, res) => {
    res.json(examples);
  });
  for (const script of ['ide.js', 'explorerLink.js'])
    router.get(`/ide/${script}`, staticFile(repoPath('web', 'ide', script), 'own'));
  for (const [name, file] of Object.entries(IDE_ASSETS)) router.get(`/ide/${name}`, staticFile(file, 'vendor'));
  return router;
}
