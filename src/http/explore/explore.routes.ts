import express, { type Router } from 'express';
import { DEFAULT_COLOR, LABEL_COLORS } from '../../graph/palette';
import { EVENT_LABEL } from '../../model/registry';
import { repoPath } from '../../paths';
import { packageFile } from '../ide';

/** Where the explorer opens when the URL names no node (?id=…). */
export const EXPLORE_START = 'org/moonshot-ai';

/**
 * /explore: the graph explorer (web/explore/*, Cytoscape.js from node_modules). The page asks the
 * GraphQL API for everything it shows; /explore/config.json gives it the colours and event kinds.
 */
export function exploreRouter(): Router {
  const router = express.Router();
  const web = (file: string) => repoPath('web', 'explore', file);
  const config = {
    start: EXPLORE_START,
    colors: LABEL_COLORS,
    defaultColor: DEFAULT_COLOR,
    eventKinds: Object.entries(EVENT_LABEL).map(([kind, label]) => ({ kind, label })),
  };
  router.get('/explore', (_req, res) => res.sendFile(web('index.html')));
  router.get('/explore/explore.js', (_req, res) => res.sendFile(web('explore.js')));
  router.get('/explore/explore.css', (_req, res) => res.sendFile(web('explore.css')));
  router.get('/explore/config.json', (_req, res) => {
    res.json(config);
  });
  const cytoscape = packageFile('cytoscape', 'dist/cytoscape.min.js');
  router.get('/explore/cytoscape.js', (_req, res) => res.sendFile(cytoscape, { maxAge: '1d' }));
  return router;
}
