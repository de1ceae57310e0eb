import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
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
}

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
    let payload;
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
    const claim = payload[options.roleClaim];
    const roles = (Array.isArray(claim) ? claim : [claim]).filter(isRole);
    if (!roles.length) throw new InvalidCredentialError(`the bearer token has no ${options.roleClaim} claim naming editor or admin`);
    return { id: payload.sub!, role: roles.includes(Role.admin) ? Role.admin : Role.editor, via: 'jwt' };
  };
}
