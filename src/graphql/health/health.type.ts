import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Whether the API can reach its graph, and what the graph holds' })
export class Health {
  @Field({ description: '"ok" when Neo4j answered' })
  status: string;

  @Field({ description: 'Neo4j server version' })
  neo4jVersion: string;

  @Field(() => Int, { description: 'Entities in the graph' })
  entities: number;

  @Field(() => Int, { description: 'Events in the graph' })
  events: number;

  @Field(() => Int, {
    description:
      'Facts written without the writer’s derived data (by other tools), not yet derived: `npm run reindex`, or the next start, derives them',
  })
  underived: number;
}
