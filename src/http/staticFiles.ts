import type { RequestHandler } from 'express';

/**
 * How browsers may keep a static file. A package's build (GraphiQL, React, Cytoscape) changes only
 * with its version in package-lock.json: kept a day without asking. The project's own pages and
 * scripts change with every checkout: kept, but revalidated on each use (ETag / Last-Modified,
 * answered 304 when unchanged), so an upgrade is seen at once.
 */
export type CachePolicy = 'vendor' | 'own';

export const CACHE_CONTROL: Record<CachePolicy, string> = {
  vendor: 'public, max-age=86400',
  own: 'no-cache',
};

/** Serves one file with its cache policy; compression (gzip or brotli) is applied by the app. */
export function staticFile(file: string, policy: CachePolicy): RequestHandler {
  return (_req, res, next) => {
    res.sendFile(file, { cacheControl: false, headers: { 'Cache-Control': CACHE_CONTROL[policy] } }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
}
