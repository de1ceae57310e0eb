import { once } from 'node:events';
import express, { type Response, type Router } from 'express';
import { DomainError, textOf } from '../../errors';
import { SelectionError, streamSubgraph, subgraphCollector } from '../../graph/subgraph';
import type { Logger } from '../../logger';
import type { Executor } from '../../neo4j/executor';
import { FORMATS, GEXF_VERSIONS, type ExportFormat, type GexfVersion } from './formats';
import { describeSelection, parseSelection } from './selection';

/** The HTTP face of the domain errors an export can meet. */
const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
  TIMEOUT: 504,
};

/** Bytes gathered before a write to the socket: fewer, larger chunks than one per row. */
const CHUNK = 64 * 1024;

/** Writes to the response, waiting when the client reads slower than Neo4j sends. */
class Sink {
  private buffer = '';
  constructor(private readonly res: Response) {}

  async push(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const ok = this.res.write(this.buffer);
    this.buffer = '';
    if (!ok) {
      if (this.res.destroyed) throw new Error('the client went away');
      await Promise.race([
        once(this.res, 'drain'),
        once(this.res, 'close').then(() => Promise.reject(new Error('the client went away'))),
      ]);
    }
  }
}

function sendError(res: Response, status: number, parameter: string | undefined, message: string): void {
  res.status(status).json({ error: parameter ? { parameter, message } : { message } });
}

/**
 * GET /export/graph.json | .graphml | .gexf: the whole graph, or the selection of graph(...)
 * given as a query string (?seeds=org/moonshot-ai&depth=2, ?kinds=ACQUISITION,TALENT_MOVE,
 * ?from=2024-06&to=2024-12, ?limit=100), each node with its degree, PageRank and community on
 * the selection. GEXF takes ?version=1.2 (the default) or 1.3. Bad parameters → 400
 * {"error": {"parameter", "message"}}.
 */
export function exportRouter({ db, logger }: { db: Executor; logger: Logger }): Router {
  const router = express.Router();
  const serve =
    (format: ExportFormat, options: { versions?: readonly string[] } = {}) =>
    async (req: express.Request, res: Response) => {
      let selection;
      // A format with versions (GEXF) takes ?version=; the rest of the query string is the selection.
      const { version, ...query } = req.query as Record<string, unknown>;
      try {
        if (version !== undefined && !options.versions?.includes(textOf(version))) {
          throw new SelectionError(
            'version',
            options.versions ? `must be one of ${options.versions.join(', ')}` : 'unknown parameter for this format',
          );
        }
        selection = parseSelection(query);
      } catch (error) {
        if (error instanceof SelectionError) return sendError(res, 400, error.argument, error.message);
        throw error;
      }
      const writer = format.writer({
        selection: describeSelection(selection),
        date: new Date().toISOString().slice(0, 10),
        version: version as GexfVersion | undefined,
      });
      const sink = new Sink(res);
      let started = false;
      const start = async () => {
        if (started) return;
        started = true;
        res.status(200);
        res.setHeader('Content-Type', format.contentType);
        res.setHeader('Content-Disposition', `attachment; filename="${format.file}"`);
        await sink.push(writer.begin());
      };
      try {
        // The read still streams (rows are taken as Neo4j sends them, with backpressure), but the
        // file cannot: a node's degree, PageRank and community depend on every edge of the selection,
        // and the edges come after the nodes. So the selection (capped by `limit`) is gathered, its
        // metrics computed once, and only then written, in chunks, as the client reads.
        const collector = subgraphCollector();
        await streamSubgraph(db, selection, (row) => collector.add(row));
        const { nodes, edges, totalNodes } = collector.done();
        await start();
        for (const node of nodes) await sink.push(writer.node(node));
        for (const edge of edges) await sink.push(writer.edge(edge));
        await sink.push(writer.end(totalNodes));
        await sink.flush();
        res.end();
      } catch (error) {
        if (error instanceof SelectionError) return sendError(res, 400, error.argument, error.message);
        if (started) {
          // Part of the file is out: cut the connection so the client cannot take it for whole.
          logger.warn({ err: error, url: req.originalUrl }, 'export stopped');
          res.destroy(error instanceof Error ? error : undefined);
          return;
        }
        if (error instanceof DomainError)
          return sendError(res, HTTP_STATUS[error.code] ?? 500, undefined, error.message);
        sendError(res, 500, undefined, 'export failed');
      }
    };
  router.get('/export/graph.json', serve(FORMATS.json));
  router.get('/export/graph.graphml', serve(FORMATS.graphml));
  router.get('/export/graph.gexf', serve(FORMATS.gexf, { versions: Object.keys(GEXF_VERSIONS) }));
  return router;
}
