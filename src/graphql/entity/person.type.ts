import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';

@ObjectType({ implements: Entity, description: 'A person; roles, employments and moves are resolved fields' })
export class Person extends Entity {}
