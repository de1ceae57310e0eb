import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.interface';
import type { DatePrecision } from '../../model/partialDate';
import { EVENT_LABEL } from '../../model/registry';
import { EventKind } from '../../model/vocabulary';
import { Citation } from '../common/citation.type';
import { Entity } from '../entity/entity.interface';
import { PartialDateScalar } from '../scalars/partialDate.scalar';

registerEnumType(EventKind, { name: 'EventKind', description: 'What kind of event a node records' });

@ObjectType({ description: 'An entity taking part in an event, and in what role' })
export class Participant {
  @Field({ description: 'e.g. acquirer, target, claimant, respondent, mover, from, to, speaker' })
  role: string;

  @Field(() => Entity)
  entity: Entity;
}

@InterfaceType({
  implements: Node,
  description:
    'Something that happened (or was said or measured), reified as a node with its participants and citations',
  resolveType: (value: { kind: EventKind }) => EVENT_LABEL[value.kind],
})
export abstract class Event {
  @Field(() => ID)
  id: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => PartialDateScalar, {
    nullable: true,
    description: 'At the precision the source gives; null when it gives none',
  })
  date: string | null;

  @Field(() => String, { nullable: true, description: 'YEAR, MONTH or DAY: how much of the date the source gives' })
  datePrecision: DatePrecision | null;

  @Field(() => String, { nullable: true, description: 'The source’s own words for the time, e.g. 今年10月底' })
  dateNote: string | null;

  @Field()
  summary: string;

  @Field(() => [Participant])
  participants: Participant[];

  /** Resolved by EventResolver.sources (filterable by source). */
  sources: Citation[];

  @Field(() => Int, { description: 'How many distinct sources state this event' })
  sourceCount: number;

  @Field(() => GraphQLJSONObject, {
    description: 'Every property of the event beyond the common fields (price, qualifier, mode…), as stored',
  })
  attributes: Record<string, unknown>;
}
