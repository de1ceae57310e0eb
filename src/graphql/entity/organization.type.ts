import { Node } from '../node/node.interface';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { OrganizationCategory } from '../../model/vocabulary';
import { Entity } from './entity.interface';

registerEnumType(OrganizationCategory, { name: 'OrganizationCategory' });

@ObjectType({ implements: [Entity, Node], description: 'A company, investor, institution or other organization' })
export class Organization extends Entity {
  @Field(() => [OrganizationCategory])
  categories: OrganizationCategory[];
}
