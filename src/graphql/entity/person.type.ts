import { Node } from '../node/node.interface';
import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';

@ObjectType({ implements: [Entity, Node], description: 'A person; roles, employments and moves are resolved fields' })
export class Person extends Entity {}
