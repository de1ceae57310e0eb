import { countUnderived } from '../../db/reindex';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { Executor } from '../../neo4j/executor';
import { adminStore } from '../../store/admin.store';
import type { Context } from '../context';
import { Health } from './health.type';

/** Asks Neo4j; throws (DATABASE_UNAVAILABLE…) when it cannot answer. Serves the query and GET /healthz. */
export async function readHealth(db: Executor): Promise<Health> {
  const [health, underived] = await Promise.all([adminStore.health(db.reader), countUnderived(db)]);
  return { status: 'ok', ...health, underived: underived.total };
}

@Resolver()
export class HealthResolver {
  @Query(() => Health, { nullable: true, description: 'Liveness of the API and its graph' })
  health(@Ctx() { db }: Context): Promise<Health> {
    return readHealth(db);
  }
}
