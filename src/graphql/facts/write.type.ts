import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Source } from '../common/citation.type';
import { Entity } from '../entity/entity.interface';
import { Relationship } from '../entity/relationship.type';
import { Event } from '../event/event.interface';
import type { EventView } from '../event/event.mapper';
import type { RelationshipView } from '../entity/relationships';
import type { EntityRow } from '../../store/entities.store';

export enum WriteOutcome {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  CORROBORATED = 'CORROBORATED',
  UNCHANGED = 'UNCHANGED',
}
registerEnumType(WriteOutcome, {
  name: 'WriteOutcome',
  description: 'What a write did to its fact',
  valuesConfig: {
    CREATED: { description: 'The fact is new' },
    UPDATED: { description: 'Its values (or one source’s citations) changed; the old ones are in history(id)' },
    CORROBORATED: { description: 'Same values; the write’s citations were added to it' },
    UNCHANGED: { description: 'Same values and citations: nothing was written' },
  },
});

@ObjectType({
  description: 'What a write did: its outcome, the fields it changed and the citations it added or replaced',
})
export class WriteResult {
  @Field(() => WriteOutcome) outcome: WriteOutcome;
  @Field(() => [String], { description: 'The fields an UPDATED changed (`citations` among them when they changed)' })
  fields: string[];
  @Field(() => Int) citationsAdded: number;
  @Field(() => Int, { description: 'Citations of the written sources that an update replaced' })
  citationsRemoved: number;
}

@ObjectType()
export class SourceWrite extends WriteResult {
  @Field(() => Source) source: Source;
}

@ObjectType()
export class EntityWrite extends WriteResult {
  @Field(() => Entity) entity: EntityRow;
}

@ObjectType()
export class RelationshipWrite extends WriteResult {
  @Field(() => Relationship) relationship: RelationshipView;
}

@ObjectType()
export class EventWrite extends WriteResult {
  @Field(() => Event) event: EventView;
}

@ObjectType({ description: 'Citations added to (or withdrawn from) an existing fact' })
export class CitationsWrite extends WriteResult {
  @Field(() => ID) factId: string;
  @Field(() => Int, { description: 'How many distinct sources state the fact now' }) sourceCount: number;
}
