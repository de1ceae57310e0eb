import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An organization or entity at one end of a flow' })
export class FlowEnd {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType({ description: 'Who went from one organization to another (a Sankey link)' })
export class TalentFlowLink {
  @Field(() => FlowEnd, { nullable: true, description: 'null where the source does not say where they came from' })
  from: FlowEnd | null;

  @Field(() => FlowEnd)
  to: FlowEnd;

  @Field(() => Int, { description: 'Number of moves' })
  count: number;

  @Field(() => [FlowEnd], { description: 'Who moved (people or teams)' })
  movers: FlowEnd[];

  @Field(() => [ID], { description: 'The TalentMove events counted' })
  events: string[];
}

@ObjectType({ description: 'Talent moves aggregated by origin and destination, ready for Sankey or chord diagrams' })
export class TalentFlow {
  @Field(() => [FlowEnd], { description: 'Every organization that appears in a link' })
  nodes: FlowEnd[];

  @Field(() => [TalentFlowLink])
  links: TalentFlowLink[];
}
