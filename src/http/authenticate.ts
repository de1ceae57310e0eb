import type { RequestHandler } from 'express';
import { InvalidCredentialError, type Authenticate } from '../auth/authenticate';
import { sendRefusal } from './refusals';

/**
 * Resolves the caller before GraphQL: `res.locals.principal` is a Principal or null. A credential
 * that is present but not valid is refused with 401 UNAUTHENTICATED whatever the operation; with
 * `readsRequireAuth`, so is a request without one.
 */
export function authenticateRequests(authenticate: Authenticate, readsRequireAuth: boolean): RequestHandler {
  return (req, res, next) => {
    authenticate(req.get('authorization')).then(
      (principal) => {
        if (!principal && readsRequireAuth) {
          return sendRefusal(res, 'UNAUTHENTICATED', 'this API needs credentials: send "Authorization: Bearer <API key or JWT>"', { 'WWW-Authenticate': 'Bearer' });
        }
        res.locals.principal = principal;
        next();
      },
      (error: unknown) => {
        if (!(error instanceof InvalidCredentialError)) return next(error);
        sendRefusal(res, 'UNAUTHENTICATED', error.message, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      },
    );
  };
}
