import { matchApiKey, parseApiKeys } from './apiKeys';
import { InvalidCredentialError, jwtVerifier, type JwtOptions } from './jwt';
import type { Principal } from './principal';

export interface AuthOptions {
  /** API_KEYS: `role:secret` pairs. */
  apiKeys?: string;
  jwt?: Partial<JwtOptions>;
}

/** Resolves the Authorization header to a principal; null without one; throws on a bad one. */
export type Authenticate = (authorization: string | undefined) => Promise<Principal | null>;

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * `Authorization: Bearer <secret>` is an API key, or a JWT when it has a JWT's shape and JWTs are
 * configured. A credential that is present but not valid is always refused (never treated as
 * anonymous), so a client with an expired token learns it on its first request, read or write.
 */
export function authenticator(options: AuthOptions): Authenticate {
  const keys = parseApiKeys(options.apiKeys ?? '');
  const verifyJwt = jwtVerifier({ roleClaim: 'role', ...options.jwt });
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    if (!match) throw new InvalidCredentialError('the Authorization header must be "Bearer <API key or JWT>"');
    const credential = match[1]!;
    if (verifyJwt && JWT_SHAPE.test(credential)) return verifyJwt(credential);
    const principal = matchApiKey(keys, credential);
    if (!principal) throw new InvalidCredentialError('the API key is not valid');
    return principal;
  };
}

export { InvalidCredentialError };
