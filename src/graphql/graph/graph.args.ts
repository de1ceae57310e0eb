import { IsDefined, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_SELECTION_DEPTH } from '../../graph/subgraph';
import { PartialDateScalar } from '../scalars/partialDate.scalar';

/** The hop cap is also the literal bound in cypher/queries/graph.cypher. */
export const MAX_HOPS = 10;
export const MAX_NODES = 500;

@ArgsType()
export class ShortestPathArgs {
  @Field(() => ID) from: string;
  @Field(() => ID) to: string;

  @Field(() => Int, { nullable: true, defaultValue: 6, description: `0 to ${MAX_HOPS}` })
  @IsDefined()
  @Min(0)
  @Max(MAX_HOPS)
  maxHops: number;
}

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID) id: string;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: `1 to ${MAX_SELECTION_DEPTH}` })
  @IsDefined()
  @Min(1)
  @Max(MAX_SELECTION_DEPTH)
  depth: number;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 200,
    description: `Most nodes returned, the centre included: 1 to ${MAX_NODES}`,
  })
  @IsDefined()
  @Min(1)
  @Max(MAX_NODES)
  limit: number;
}

@ArgsType()
export class TalentFlowArgs {
  @Field(() => PartialDateScalar, { nullable: true }) from?: string;
  @Field(() => PartialDateScalar, { nullable: true }) to?: string;
}
