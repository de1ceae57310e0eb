import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Citation } from '../common/citation.type';
import { PageInfo } from '../common/connection.type';
import { Entity } from '../entity/entity.interface';
import { Relationship } from '../entity/relationship.type';
import type { RelationshipView } from '../entity/relationships';
import { Event } from '../event/event.interface';
import type { EventView } from '../event/event.mapper';
import type { EntityRow } from '../../store/entities.store';

export enum FactKind {
  ENTITY = 'ENTITY',
  EVENT = 'EVENT',
  RELATIONSHIP = 'RELATIONSHIP',
}
registerEnumType(FactKind, { name: 'FactKind', description: 'What a citation is attached to' });

@ObjectType({
  description:
    'A fact a source states, with the source’s citations of it; exactly one of entity, event, relationship is set',
})
export class SourceFact {
  @Field(() => ID) factId: string;
  @Field(() => FactKind) kind: FactKind;
  @Field(() => Entity, { nullable: true }) entity: EntityRow | null;
  @Field(() => Event, { nullable: true }) event: EventView | null;
  @Field(() => Relationship, { nullable: true }) relationship: RelationshipView | null;
  @Field(() => [Citation], { description: 'This source’s citations of the fact (at most 20)' }) citations: Citation[];
}

@ObjectType('SourceFactEdge')
export class SourceFactEdge {
  @Field({ description: 'Opaque; pass as `after` to continue after this one, or as `before` to page back from it' })
  cursor: string;
  @Field(() => SourceFact) node: SourceFact;
}

@ObjectType({ description: 'The facts a source states, in fact-id order' })
export class SourceFactConnection {
  @Field(() => [SourceFactEdge]) edges: SourceFactEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

export const MAX_SOURCE_FACTS = 100;
export const SOURCE_FACT_CITATIONS = 20;
