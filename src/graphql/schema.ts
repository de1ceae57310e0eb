import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { repoPath } from '../paths';
import { HealthResolver } from './health/health.resolver';

export const SCHEMA_FILE = repoPath('schema', 'schema.graphql');

export const resolvers = [HealthResolver] as const;

/** The executable schema, with class-validator checks on every args and input class. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: { forbidUnknownValues: false }, emitSchemaFile: false });
}

/** The SDL committed in schema/schema.graphql. */
export function printSDL(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
