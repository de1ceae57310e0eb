import { bool, cleanEnv, makeValidator, num, port, str } from 'envalid';

/** Bolt URIs the driver accepts: bolt, neo4j (routing) and their TLS variants. */
const boltUri = makeValidator<string>((input) => {
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/.test(input)) {
    throw new Error('must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI');
  }
  return input;
});

export type Config = ReturnType<typeof loadConfig>;

/**
 * Reads and validates the configuration from the environment.
 * Throws ConfigError naming the first bad variable; main() prints it as one line.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  return cleanEnv(
    env,
    {
      NEO4J_URI: boltUri({ default: undefined, desc: 'Neo4j to use; unset = start the local embedded Neo4j' }),
      NEO4J_USER: str({ default: 'neo4j' }),
      NEO4J_PASSWORD: str({ default: 'neo4j' }),
      NEO4J_DATABASE: str({ default: 'neo4j' }),
      NEO4J_LOCAL_DIR: str({ default: '.data/neo4j', desc: 'data folder of the local Neo4j' }),
      NEO4J_LOCAL_PORT: port({ default: 7687, desc: 'Bolt port of the local Neo4j (0 = any free port)' }),
      NEO4J_LOCAL_HEAP_MB: num({ default: 1024 }),
      NEO4J_LOCAL_PAGECACHE_MB: num({ default: 512 }),
      NEO4J_TX_TIMEOUT_MS: num({ default: 15_000, desc: 'timeout of each API transaction' }),
      HOST: str({ default: '127.0.0.1' }),
      PORT: port({ default: 4000 }),
      LOG_LEVEL: str({ default: 'info', choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
      GRAPHQL_IDE: bool({ default: true, desc: 'serve the GraphQL IDE at GET /graphql' }),
      SEED: bool({ default: true, desc: 'load the seed data when it is missing or changed' }),
    },
    {
      // envalid's default reporter prints a banner and calls process.exit; we want one line.
      reporter: ({ errors }) => {
        const [name, error] = Object.entries(errors)[0] ?? [];
        if (name && error) throw new ConfigError(`invalid configuration: ${name}: ${error.message}`);
      },
    },
  );
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
