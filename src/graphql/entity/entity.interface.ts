import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { PartialDateScalar } from '../scalars/partialDate.scalar';
import { Node } from '../node/node.interface';

import type { EntityRow } from '../../store/entities.store';

export type { EntityRow };

@InterfaceType({
  implements: Node,
  description: 'A person, organization, product or group named in the sources',
  resolveType: (value: EntityRow) => value.label,
})
export abstract class Entity {
  @Field(() => ID, { description: 'Readable and stable, e.g. person/yang-zhilin, org/moonshot-ai' })
  id: string;

  @Field({ description: 'The name as written in the source' })
  name: string;

  @Field(() => [String], {
    description: 'Every form of the name: as written, simplified Chinese, English names, aliases',
  })
  names: string[];

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field({ description: 'The node label: Person, Organization, Product or Group' })
  label: string;

  @Field({ description: 'True for the unnamed people and groups the source quotes ("一位資深獵頭")' })
  anonymous: boolean;

  @Field(() => Int, {
    description:
      'Its events (one per role) and stable relationships in the whole graph, as `centrality` and `entities(orderBy: DEGREE)` rank it',
  })
  degree: number;

  @Field(() => PartialDateScalar, { nullable: true, description: 'The date of its latest dated event' })
  latestEvent: string | null;
}
