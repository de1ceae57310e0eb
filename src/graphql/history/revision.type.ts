import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum RevisionAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  /** Citations from another source added to a fact with the same values. */
  CORROBORATE = 'CORROBORATE',
  /** One source's citations withdrawn from a fact that other sources still state. */
  WITHDRAW = 'WITHDRAW',
  RETRACT = 'RETRACT',
}
registerEnumType(RevisionAction, { name: 'RevisionAction', description: 'What a write did to a fact' });

@ObjectType({ description: 'One write to a fact: who, when, which fields, the values it replaced, and why' })
export class Revision {
  @Field(() => ID) id: string;
  @Field(() => RevisionAction) action: RevisionAction;
  @Field(() => [String], { description: 'The fields written (all of them for a CREATE)' }) fields: string[];
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Those fields before the write; null for a CREATE' })
  before: Record<string, unknown> | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Those fields after the write; null for a RETRACT' })
  after: Record<string, unknown> | null;
  @Field({ description: 'Who wrote: an API key id, a JWT subject, or "seed"' }) principal: string;
  @Field() role: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field({ description: 'ISO 8601 date-time' }) at: string;
}
