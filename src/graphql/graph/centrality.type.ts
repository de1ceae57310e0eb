import { Field, Int, ObjectType } from 'type-graphql';
import { Entity, type EntityRow } from '../entity/entity.interface';

@ObjectType({ description: 'An entity and how connected it is in the whole graph' })
export class CentralEntity {
  @Field(() => Entity)
  entity: EntityRow;

  @Field(() => Int, {
    description: 'Events it takes part in (one per role it plays), only of the asked kinds when given',
  })
  events: number;

  @Field(() => Int, {
    description: 'Stable relationships (founded, works at, invested in…), either direction; 0 when kinds are given',
  })
  relationships: number;

  @Field(() => Int, { description: 'events + relationships: the rank' })
  score: number;
}
