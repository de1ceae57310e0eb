import { Ctx, Query, Resolver } from 'type-graphql';
import { loadCypherFile } from '../../cypher/cypherFiles';
import type { Executor } from '../../neo4j/executor';
import type { Context } from '../context';
import { Health } from './health.type';

const queries = loadCypherFile('queries/health.cypher', ['health']);

/** Asks Neo4j; throws (DATABASE_UNAVAILABLE…) when it cannot answer. Serves the query and GET /healthz. */
export async function readHealth(db: Executor): Promise<Health> {
  const [row] = await db.read(queries.health);
  return { status: 'ok', ...(row as Omit<Health, 'status'>) };
}

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Liveness of the API and its graph' })
  health(@Ctx() { db }: Context): Promise<Health> {
    return readHealth(db);
  }
}
