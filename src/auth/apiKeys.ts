import { createHash, timingSafeEqual } from 'node:crypto';
import { isRole, type Principal, type Role } from './principal';

interface ApiKey {
  digest: Buffer;
  principal: Principal;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** The shortest secret an API key may have: short ones can be guessed. */
export const MIN_KEY_LENGTH = 16;

/**
 * Parses API_KEYS: comma-separated `role:secret` pairs (`editor:<16+ characters>,admin:<16+ characters>`).
 * Only the secrets' hashes are kept; a principal's id names the role and 8 hex of the hash.
 */
export function parseApiKeys(spec: string): ApiKey[] {
  return spec
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const colon = pair.indexOf(':');
      const role = pair.slice(0, colon);
      const secret = pair.slice(colon + 1);
      if (colon < 0 || !isRole(role))
        throw new Error(
          `each entry must be role:secret with role editor or admin (got "${pair.slice(0, Math.max(colon, 0))}")`,
        );
      if (secret.length < MIN_KEY_LENGTH)
        throw new Error(
          `the ${role} key is shorter than ${MIN_KEY_LENGTH} characters: use a random secret of ${MIN_KEY_LENGTH} or more (e.g. openssl rand -hex 16)`,
        );
      const digest = sha256(secret);
      return {
        digest,
        principal: { id: `key:${role}:${digest.toString('hex').slice(0, 8)}`, role: role as Role, via: 'api-key' },
      };
    });
}

/**
 * The key's principal, or null. Hashes compared with timingSafeEqual (equal lengths by
 * construction), every key checked, so the time taken says nothing about the secret.
 */
export function matchApiKey(keys: readonly ApiKey[], secret: string): Principal | null {
  const digest = sha256(secret);
  let found: Principal | null = null;
  for (const key of keys) {
    if (timingSafeEqual(key.digest, digest)) found = key.principal;
  }
  return found;
}
