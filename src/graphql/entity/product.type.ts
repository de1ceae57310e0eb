import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';

@ObjectType({ implements: Entity, description: 'A product or service (ChatGPT, 豆包…)' })
export class Product extends Entity {}
