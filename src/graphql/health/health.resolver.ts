import { Ctx, Query, Resolver } from 'type-graphql';
import { loadCypherFile } from '../../cypher/cypherFiles';
import type { Context } from '../context';
import { Health } from './health.type';

const queries = loadCypherFile('queries/health.cypher', ['health']);

@Resolver()
export class HealthResolver {
  @Query(() => Health, { description: 'Liveness of the API and its graph' })
  async health(@Ctx() { db }: Context): Promise<Health> {
    const [row] = await db.read(queries.health);
    return { status: 'ok', ...(row as Omit<Health, 'status'>) };
  }
}
