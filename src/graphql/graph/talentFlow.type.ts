import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Entity, type EntityRow } from '../entity/entity.interface';

// The ends of a flow are the entities themselves (an Organization, a Person…), cached under their
// own ids; what belongs to the flow (counts, the events counted) is on the link, which has no id.

@ObjectType({
  description:
    'Who went from one organization to another (a Sankey link); no `id`: it belongs to the flow that counted it',
})
export class TalentFlowLink {
  @Field(() => Entity, { nullable: true, description: 'null where the source does not say where they came from' })
  from: EntityRow | null;

  @Field(() => Entity)
  to: EntityRow;

  @Field(() => Int, { description: 'Number of moves' })
  count: number;

  @Field(() => [Entity], { description: 'Who moved (people or teams)' })
  movers: EntityRow[];

  @Field(() => [ID], { description: 'The TalentMove events counted' })
  events: string[];
}

@ObjectType({ description: 'Talent moves aggregated by origin and destination, ready for Sankey or chord diagrams' })
export class TalentFlow {
  @Field(() => [Entity], { description: 'Every organization that appears in a link' })
  nodes: EntityRow[];

  @Field(() => [TalentFlowLink])
  links: TalentFlowLink[];
}
