import { IsDefined, ArrayMaxSize, IsEnum, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { MAX_SEEDS, MAX_SELECTION_DEPTH } from '../../graph/subgraph';
import { EventKind } from '../../model/vocabulary';
import { PartialDateScalar } from '../scalars/partialDate.scalar';

/** Cap of `graph(...)`; the HTTP exports stream and have their own (src/http/export/selection.ts). */
export const MAX_GRAPH_NODES = 2000;

/** What to select: the parameters `graph(...)` and the /export/graph.* query strings share. */
@ArgsType()
export class SelectionArgs {
  @Field(() => [ID], {
    nullable: true,
    description: `Start from these entities or events (up to ${MAX_SEEDS}); the whole graph when omitted`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_SEEDS)
  @MaxLength(200, { each: true })
  seeds?: string[];

  @Field(() => Int, {
    nullable: true,
    defaultValue: 1,
    description: `Hops from the seeds, 0 to ${MAX_SELECTION_DEPTH}; ignored without seeds`,
  })
  @IsDefined()
  @Min(0)
  @Max(MAX_SELECTION_DEPTH)
  depth: number;

  @Field(() => [EventKind], {
    nullable: true,
    description: 'Only events of these kinds (with seeds: walk only through them)',
  })
  @IsOptional()
  @IsEnum(EventKind, { each: true })
  kinds?: EventKind[];

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Only events on or after this date (inclusive); undated events drop out',
  })
  from?: string;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'Only events on or before this date (inclusive: "2024-05" keeps 2024-05-20)',
  })
  to?: string;
}

@ArgsType()
export class GraphArgs extends SelectionArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 500,
    description: `Most nodes returned, nearest the seeds first: 1 to ${MAX_GRAPH_NODES}`,
  })
  @IsDefined()
  @Min(1)
  @Max(MAX_GRAPH_NODES)
  limit: number;
}
