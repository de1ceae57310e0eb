import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { SignJWT } from 'jose';
import pino from 'pino';
import { matchApiKey, parseApiKeys } from '../../src/auth/apiKeys';
import { authenticator, InvalidCredentialError } from '../../src/auth/authenticate';
import { Role } from '../../src/auth';
import { ConfigError, loadConfig } from '../../src/config';
import { LOG_REDACT } from '../../src/logger';

const hex8 = (secret: string) => createHash('sha256').update(secret).digest('hex').slice(0, 8);
const SECRET = 'a-test-hs256-secret-of-32-bytes!!';
const sign = (claims: Record<string, unknown>, { secret = SECRET, exp = '5m', sub = 'user-42', iss = 'tests' } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(iss)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));
const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidCredentialError);
  return (error as Error).message;
};

describe('API keys', () => {
  const keys = parseApiKeys('editor:s3cret-editor-key-16, admin:0th3r-secret-admin-key');

  it('maps a secret to its role with a stable id that does not reveal it', () => {
    expect(matchApiKey(keys, 's3cret-editor-key-16')).toEqual({
      id: `key:editor:${hex8('s3cret-editor-key-16')}`,
      role: 'editor',
      via: 'api-key',
    });
    expect(matchApiKey(keys, '0th3r-secret-admin-key')).toEqual({
      id: `key:admin:${hex8('0th3r-secret-admin-key')}`,
      role: 'admin',
      via: 'api-key',
    });
    expect(matchApiKey(keys, 's3cre')).toBeNull();
    expect(matchApiKey(keys, '')).toBeNull();
  });

  it.each([['reader:abcdefghijklmnopq'], ['editor'], ['editor:short'], ['editor:fifteen-chars-x']])(
    'refuses API_KEYS=%s at start, naming the variable',
    (spec) => {
      expect(() => loadConfig({ API_KEYS: spec })).toThrow(ConfigError);
      expect(() => loadConfig({ API_KEYS: spec })).toThrow(/^invalid configuration: API_KEYS: /);
    },
  );

  it('exports the role names the mutations are decorated with', () => {
    expect(Role).toEqual({ editor: 'editor', admin: 'admin' });
  });
});

describe('the Authorization header', () => {
  const authenticate = authenticator({
    apiKeys: 'editor:s3cret-editor-key-16',
    jwt: { secret: SECRET, issuer: 'tests', roleClaim: 'role' },
  });

  it('is optional: no header is anonymous', async () => {
    expect(await authenticate(undefined)).toBeNull();
  });

  it('takes an API key or an HS256 JWT as a bearer credential', async () => {
    expect(await authenticate('Bearer s3cret-editor-key-16')).toEqual({
      id: `key:editor:${hex8('s3cret-editor-key-16')}`,
      role: 'editor',
      via: 'api-key',
    });
    expect(await authenticate(`Bearer ${await sign({ role: 'admin' })}`)).toEqual({
      id: 'jwt:tests:user-42',
      role: 'admin',
      via: 'jwt',
    });
  });

  it('refuses a credential that is present but not valid', async () => {
    expect(await rejection(authenticate('Basic czNjcmV0'))).toBe(
      'the Authorization header must be "Bearer <API key or JWT>"',
    );
    expect(await rejection(authenticate('Bearer wrong-key'))).toBe('the API key is not valid');
    expect(await rejection(authenticate(`Bearer ${await sign({ role: 'editor' }, { exp: '-1m' })}`))).toBe(
      'the bearer token is not valid (ERR_JWT_EXPIRED)',
    );
    expect(
      await rejection(
        authenticate(`Bearer ${await sign({ role: 'editor' }, { secret: 'another-secret-of-32-bytes-long!!' })}`),
      ),
    ).toBe('the bearer token is not valid (ERR_JWS_SIGNATURE_VERIFICATION_FAILED)');
    expect(await rejection(authenticate(`Bearer ${await sign({ role: 'editor' }, { iss: 'someone-else' })}`))).toBe(
      'the bearer token is not valid (ERR_JWT_CLAIM_VALIDATION_FAILED)',
    );
    expect(await rejection(authenticate(`Bearer ${await sign({ role: 'reader' })}`))).toBe(
      'the bearer token has no role claim naming editor or admin',
    );
    expect(await rejection(authenticate(`Bearer ${await sign({ role: 'editor' }, { sub: '' })}`))).toMatch(
      /^the bearer token (has no sub claim naming its subject|is not valid)/,
    );
    expect(await rejection(authenticate(`Bearer ${await sign({ role: 'editor' }, { sub: '  ' })}`))).toBe(
      'the bearer token has no sub claim naming its subject',
    );
    expect(await rejection(authenticate(`Bearer ${await sign({ role: 'editor' }, { exp: '10y' })}`))).toBe(
      'the bearer token lives longer than 86400 s (JWT_MAX_LIFETIME_SECONDS)',
    );
  });

  it('names a JWT subject by its issuer, so it can never pass for an API key or the seed', async () => {
    for (const sub of ['key:admin:9f05b536', 'seed'])
      expect((await authenticate(`Bearer ${await sign({ role: 'editor' }, { sub })}`))?.id).toBe(`jwt:tests:${sub}`);
    const longer = authenticator({ jwt: { secret: SECRET, roleClaim: 'role', maxLifetimeSeconds: 400 * 86_400 } });
    expect((await longer(`Bearer ${await sign({ role: 'editor' }, { exp: '1y' })}`))?.id).toBe('jwt:tests:user-42');
  });

  it('says how long an API key must be', () => {
    expect(() => parseApiKeys('editor:short')).toThrow(
      'the editor key is shorter than 16 characters: use a random secret of 16 or more (e.g. openssl rand -hex 16)',
    );
  });

  it('reads the role from the configured claim, the highest of an array', async () => {
    const roles = authenticator({ jwt: { secret: SECRET, roleClaim: 'roles' } });
    expect(await roles(`Bearer ${await sign({ roles: ['viewer', 'editor', 'admin'] })}`)).toEqual({
      id: 'jwt:tests:user-42',
      role: 'admin',
      via: 'jwt',
    });
    expect(await roles(`Bearer ${await sign({ roles: ['editor'] })}`)).toEqual({
      id: 'jwt:tests:user-42',
      role: 'editor',
      via: 'jwt',
    });
  });
});

describe('logging', () => {
  it('never writes an Authorization header or a configured secret', () => {
    let out = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((out += chunk.toString()), done()) });
    const log = pino({ redact: LOG_REDACT }, sink);
    log.info(
      {
        req: { headers: { authorization: 'Bearer s3cret' } },
        config: { API_KEYS: 'editor:s3cret', JWT_SECRET: 'jwt-s3cret' },
      },
      'request',
    );
    expect(out).toContain('"authorization":"[Redacted]"');
    expect(out).not.toContain('s3cret');
  });
});
