import helmet from 'helmet';

/**
 * Security headers on every answer (helmet): a Content-Security-Policy that lets the IDE and the
 * explorer load only their own scripts (all served from /ide/ and /explore/, no inline script;
 * GraphiQL sets inline styles, so styles may be inline), images from data: and blob: URLs (the
 * explorer's exports), no framing (frame-ancestors 'none' and X-Frame-Options: DENY), nosniff,
 * no referrer across origins. `upgrade-insecure-requests` is left out: the API is served over
 * plain HTTP on 127.0.0.1 by default, behind a TLS proxy otherwise. Express's X-Powered-By is
 * removed by the app (`app.disable('x-powered-by')`).
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': null,
    },
  },
  frameguard: { action: 'deny' },
});
