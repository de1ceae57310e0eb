import { Node } from '../node/node.interface';
import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';

@ObjectType({ implements: [Entity, Node], description: 'A product or service (ChatGPT, 豆包…)' })
export class Product extends Entity {}
