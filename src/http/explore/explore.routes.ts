import express, { type Router } from 'express';
import { DEFAULT_COLOR, LABEL_COLORS } from '../../graph/palette';
import { EVENT_LABEL } from '../../model/registry';
import { repoPath } from '../../paths';
import { packageFile } from '../ide';
import { CACHE_CONTROL, staticFile } from '../staticFiles';

/** Where the explorer opens when the URL names no node (?id=…). */
export const EXPLORE_START = 'org/moonshot-ai';

/**
 * The explorer's scripts, from node_modules (no CDN: the page works offline), in load order:
 * fcose needs cose-base, which needs layout-base; each registers itself with the global cytoscape.
 */
const SCRIPTS: Record<string, [string, string]> = {
  'cytoscape.js': ['cytoscape', 'dist/cytoscape.min.js'],
  'layout-base.js': ['layout-base', 'layout-base.js'],
  'cose-base.js': ['cose-base', 'cose-base.js'],
  'cytoscape-fcose.js': ['cytoscape-fcose', 'cytoscape-fcose.js'],
  'cytoscape-svg.js': ['cytoscape-svg', 'cytoscape-svg.js'],
  // graphql-ws's browser client (global graphqlWs): Follow changes (live.js)
  'graphql-ws.js': ['graphql-ws', 'umd/graphql-ws.min.js'],
};

/** Colours of Louvain communities 0, 1, 2… (then again): a qualitative palette distinct from the label colours' order. */
export const COMMUNITY_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#17becf',
  '#bcbd22',
];

/**
 * /explore: the graph explorer (web/explore/: index.html, explore.css and its ES modules, loaded by
 * the browser as they are, with Cytoscape.js and its fcose and svg extensions from node_modules).
 * The page asks the GraphQL API for everything it shows; /explore/config.json gives it the colours
 * and event kinds.
 */
export function exploreRouter(): Router {
  const router = express.Router();
  const web = (file: string) => repoPath('web', 'explore', file);
  const config = {
    start: EXPLORE_START,
    colors: LABEL_COLORS,
    defaultColor: DEFAULT_COLOR,
    communityColors: COMMUNITY_COLORS,
    eventKinds: Object.entries(EVENT_LABEL).map(([kind, label]) => ({ kind, label })),
  };
  router.get('/explore', staticFile(web('index.html'), 'own'));
  router.get('/explore/config.json', (_req, res) => {
    res.json(config);
  });
  for (const [name, [pkg, file]] of Object.entries(SCRIPTS)) {
    router.get(`/explore/${name}`, staticFile(packageFile(pkg, file), 'vendor'));
  }
  // the page's own modules and stylesheet (web/explore/**/*.js, explore.css); never a directory listing
  router.use(
    '/explore',
    express.static(repoPath('web', 'explore'), {
      index: false,
      redirect: false,
      extensions: [],
      cacheControl: false,
      setHeaders: (res) => res.setHeader('Cache-Control', CACHE_CONTROL.own),
    }),
  );
  return router;
}
