import { Args, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Citation, citationsFrom } from '../common/citation.type';
import { CitationsArgs } from '../common/citations.args';
import { Relationship } from './relationship.type';
import type { RelationshipView } from './relationships';

@Resolver(() => Relationship)
export class RelationshipResolver {
  @FieldResolver(() => [Citation], {
    description: 'Every citation of this relationship, or one source’s (at most 100)',
  })
  citations(@Root() relationship: RelationshipView, @Args() { source }: CitationsArgs): Citation[] {
    return citationsFrom(relationship.citations, source);
  }

  @FieldResolver(() => Int, { description: 'How many distinct sources state this relationship' })
  sourceCount(@Root() relationship: RelationshipView): number {
    return relationship.sourceCount ?? new Set(relationship.citations.map((c) => c.source.id)).size;
  }
}
