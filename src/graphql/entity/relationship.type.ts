import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RelationshipType } from '../../model/vocabulary';
import { Citation } from '../common/citation.type';
import { PartialDateScalar } from '../scalars/partialDate.scalar';
import { Entity } from './entity.interface';

registerEnumType(RelationshipType, { name: 'RelationshipType', description: 'Stable relationships between entities' });

@ObjectType({
  description: 'A stable relationship between two entities (founded, works at, invested in…), with its citation',
})
export class Relationship {
  @Field(() => ID)
  id: string;

  @Field(() => RelationshipType)
  type: RelationshipType;

  @Field(() => Entity)
  from: Entity;

  @Field(() => Entity)
  to: Entity;

  @Field(() => String, { nullable: true, description: 'The role in the source’s words, e.g. 聯合創始人兼CTO' })
  role: string | null;

  @Field(() => String, { nullable: true, description: 'An English gloss of the role' })
  roleEn: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  since: string | null;

  @Field(() => PartialDateScalar, { nullable: true })
  until: string | null;

  @Field(() => Boolean, { nullable: true, description: 'False when the source says the relationship has ended' })
  current: boolean | null;

  @Field(() => Boolean, {
    description:
      'True when the source does not state the relationship and it is read from elsewhere (see inferredBasis)',
  })
  inferred: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'What an inferred relationship is inferred from, e.g. a name that contains its parent’s name',
  })
  inferredBasis: string | null;

  @Field(() => Citation, { description: 'Its first citation; `citations` lists them all' })
  citation: Citation;

  /** Resolved by RelationshipResolver.citations (filterable by source). */
  citations: Citation[];
}
