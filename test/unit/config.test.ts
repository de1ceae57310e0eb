import { ConfigError, loadConfig } from '../../src/config';

describe('configuration from the environment', () => {
  it('has defaults for everything: no NEO4J_URI means the local Neo4j', () => {
    const config = loadConfig({});
    expect(config.NEO4J_URI).toBeUndefined();
    expect(config.PORT).toBe(4000);
    expect(config.NEO4J_DATABASE).toBe('neo4j');
    expect(config.GRAPHQL_IDE).toBe(true);
  });

  it('accepts bolt, routing and TLS URIs', () => {
    for (const uri of [
      'bolt://db:7687',
      'neo4j://cluster.example:7687',
      'neo4j+s://x.databases.neo4j.io',
      'bolt+ssc://h',
    ]) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });

  it.each([
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ GRAPHQL_IDE: 'maybe' }, 'GRAPHQL_IDE'],
    [{ QUERY_MAX_TOKENS: '80000' }, 'QUERY_MAX_TOKENS'],
    [{ QUERY_MAX_COST: '-1' }, 'QUERY_MAX_COST'],
    [{ RATE_LIMIT_IP_PER_SECOND: 'many' }, 'RATE_LIMIT_IP_PER_SECOND'],
    [{ JWT_JWKS_URL: 'not a url' }, 'JWT_JWKS_URL'],
  ])('rejects %j with one line naming %s', (env, name) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^invalid configuration: ${name}: `));
    expect((error as Error).message).not.toContain('\n');
  });
});
