import 'reflect-metadata';
import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type PubSub } from 'type-graphql';
import { authChecker } from '../auth/authChecker';
import { repoPath } from '../paths';
import { EntityResolver } from './entity/entity.resolver';
import { GroupResolver } from './entity/group.resolver';
import { OrganizationResolver } from './entity/organization.resolver';
import { PersonResolver } from './entity/person.resolver';
import { ProductResolver } from './entity/product.resolver';
import { RelationshipResolver } from './entity/relationship.resolver';
import { EVENT_TYPES } from './event/event-kinds.type';
import { EventResolver } from './event/event.resolver';
import { ChangesResolver } from './changes/changes.resolver';
import { FactsResolver } from './facts/facts.resolver';
import { CentralityResolver } from './graph/centrality.resolver';
import { GraphNodeResolver } from './graph/graph-node.resolver';
import { GraphResolver } from './graph/graph.resolver';
import { Group } from './entity/group.type';
import { Organization } from './entity/organization.type';
import { Person } from './entity/person.type';
import { Product } from './entity/product.type';
import { HealthResolver } from './health/health.resolver';
import { NodeResolver } from './node/node.resolver';
import { SubgraphResolver } from './graph/subgraph.resolver';
import { StatsResolver } from './stats/stats.resolver';
import { SourceResolver } from './source/source.resolver';

export const SCHEMA_FILE = repoPath('schema', 'schema.graphql');

export const resolvers = [
  HealthResolver,
  EntityResolver,
  PersonResolver,
  OrganizationResolver,
  ProductResolver,
  GroupResolver,
  RelationshipResolver,
  EventResolver,
  GraphResolver,
  GraphNodeResolver,
  SubgraphResolver,
  CentralityResolver,
  StatsResolver,
  FactsResolver,
  SourceResolver,
  NodeResolver,
  ChangesResolver,
] as const;

/** Types reached only through interfaces must be listed, or the schema would omit them. */
const orphanedTypes = [Person, Organization, Product, Group, ...EVENT_TYPES];

/**
 * type-graphql wants a PubSub once a schema has subscriptions, even when none uses topics. Ours
 * has none: Subscription.changes reads the change log in Neo4j (src/changes/), so that every API
 * instance sees every write without a broker.
 */
const NO_TOPICS: PubSub = {
  publish: () => {
    throw new Error('no PubSub topics: subscriptions read the change log');
  },
  subscribe: () => {
    throw new Error('no PubSub topics: subscriptions read the change log');
  },
};

/**
 * The executable schema, with class-validator checks on every args and input class and the role
 * checks of `@Authorized` (run before the resolver).
 */
export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    orphanedTypes,
    validate: { forbidUnknownValues: false },
    authChecker,
    authMode: 'error',
    emitSchemaFile: false,
    pubSub: NO_TOPICS,
  });
  return withMutationRoles(schema);
}

/**
 * Copies each mutation's `@Authorized` roles into its field's `extensions.roles`, so the request
 * guard can authorise a document's every mutation before the first one runs
 * (src/guard/authorizeMutations.ts). A mutation without `@Authorized` stops the build.
 */
function withMutationRoles(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const handler = storage.mutations.find((m) => m.schemaName === field.name);
    const authorized =
      handler &&
      storage.authorizedFields.find((a) => a.target === handler.target && a.fieldName === handler.methodName);
    if (!authorized) throw new Error(`Mutation.${field.name} has no @Authorized: every mutation needs a principal`);
    (field as { extensions: Record<string, unknown> }).extensions = {
      ...(field.extensions as Record<string, unknown>),
      roles: [...(authorized.roles as string[])], // type-graphql keeps @Authorized roles as any[]
    };
  }
  return schema;
}

/** The SDL committed in schema/schema.graphql. */
export function printSDL(schema: GraphQLSchema): string {
  return `${printSchema(schema)}\n`;
}
