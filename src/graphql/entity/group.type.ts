import { Node } from '../node/node.interface';
import { ObjectType } from 'type-graphql';
import { Entity } from './entity.interface';

@ObjectType({
  implements: [Entity, Node],
  description: 'A collective the source names without listing its members (波形智能創始團隊, 六小虎…)',
})
export class Group extends Entity {}
