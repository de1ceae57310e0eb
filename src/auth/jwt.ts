import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { isRole, Role, type Principal } from './principal';

export interface JwtOptions {
  /** HS256 shared secret (JWT_SECRET) … */
  secret?: string;
  /** … or the issuer's JWKS URL (JWT_JWKS_URL), for RS256/ES256/EdDSA tokens. */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
  /** The claim holding the role: a string, or an array of strings (the highest role wins). */
  roleClaim: string;
  /** The longest a token may live (exp − iat, and exp − now), in seconds (JWT_MAX_LIFETIME_SECONDS). */
  maxLifetimeSeconds?: number;
}

/** A day: a token meant to live longer is refused (a leaked ten-year token is a ten-year key). */
export const DEFAULT_JWT_MAX_LIFETIME_SECONDS = 86_400;

export type JwtVerifier = (token: string) => Promise<Principal>;

export class InvalidCredentialError extends Error {
  override name = 'InvalidCredentialError';
}

/** A verifier of bearer JWTs, or undefined when neither a secret nor a JWKS URL is configured. */
export function jwtVerifier(options: JwtOptions): JwtVerifier | undefined {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (options.secret) {
    key = new TextEncoder().encode(options.secret);
    algorithms = ['HS256'];
  } else if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
    algorithms = ['RS256', 'PS256', 'ES256', 'EdDSA'];
  } else {
    return undefined;
  }
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: options.issuer || undefined,
        audience: options.audience || undefined,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      // jose's code (ERR_JWT_EXPIRED, ERR_JWS_SIGNATURE_VERIFICATION_FAILED…) without the token.
      const code = (error as { code?: string }).code ?? 'ERR_JWT_INVALID';
      throw new InvalidCredentialError(`the bearer token is not valid (${code})`);
    }
    if (typeof payload.sub !== 'string' || !payload.sub.trim())
      throw new InvalidCredentialError('the bearer token has no sub claim naming its subject');
    const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_JWT_MAX_LIFETIME_SECONDS;
    const now = Math.floor(Date.now() / 1000);
    const issued = typeof payload.iat === 'number' ? Math.min(payload.iat, now) : now;
    if (payload.exp! - issued > maxLifetime)
      throw new InvalidCredentialError(
        `the bearer token lives longer than ${maxLifetime} s (JWT_MAX_LIFETIME_SECONDS)`,
      );
    const claim = payload[options.roleClaim];
    const roles = (Array.isArray(claim) ? claim : [claim]).filter(isRole);
    if (!roles.length)
      throw new InvalidCredentialError(`the bearer token has no ${options.roleClaim} claim naming editor or admin`);
    // Namespaced by issuer, so a subject can never pass for an API key's id or another issuer's subject.
    return {
      id: `jwt:${payload.iss ?? ''}:${payload.sub}`,
      role: roles.includes(Role.admin) ? Role.admin : Role.editor,
      via: 'jwt',
    };
  };
}
