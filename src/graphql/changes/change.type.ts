import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { ChangeRow } from '../../store/changes.store';
import { encodeCursor } from '../common/cursor';
import { PageInfo } from '../common/connection.type';

export enum ChangeOperation {
  ADD = 'ADD',
  UPDATE = 'UPDATE',
  /** Citations from another source added to a fact with the same values. */
  CORROBORATE = 'CORROBORATE',
  /** One source's citations withdrawn from a fact that other sources still state. */
  WITHDRAW = 'WITHDRAW',
  RETRACT = 'RETRACT',
}
registerEnumType(ChangeOperation, { name: 'ChangeOperation', description: 'What a committed write did to its target' });

export enum ChangeTargetKind {
  ENTITY = 'ENTITY',
  EVENT = 'EVENT',
  RELATIONSHIP = 'RELATIONSHIP',
  SOURCE = 'SOURCE',
}
registerEnumType(ChangeTargetKind, { name: 'ChangeTargetKind', description: 'What kind of fact a change wrote' });

@ObjectType({ description: 'One committed write to one fact, in the change log (docs/live.md)' })
export class Change {
  @Field({
    description: 'Opaque; pass as `after` (to Query.changes or Subscription.changes) to resume right after this change',
  })
  cursor: string;

  @Field(() => Float, {
    description: 'Its place in the log: every change has the next number, in commit order, none skipped',
  })
  sequence: number;

  @Field({
    description:
      'ISO 8601: when its transaction appended it, just before committing. Times can be out of order by a few milliseconds between concurrent writers; the cursor is the order',
  })
  at: string;

  @Field(() => ChangeOperation) operation: ChangeOperation;
  @Field(() => ID, { description: 'The id of the fact written' }) targetId: string;
  @Field(() => ChangeTargetKind) targetKind: ChangeTargetKind;
  @Field(() => [String], { description: 'The fields written (citations for a corroboration or withdrawal)' })
  fields: string[];
  @Field({ description: 'Who wrote: an API key id, a JWT subject, or "seed"' }) principal: string;
  @Field() role: string;
  @Field(() => ID, { description: 'The Revision of this write in history(id: targetId)' }) revisionId: string;
}

@ObjectType('ChangeEdge')
export class ChangeEdge {
  @Field() cursor: string;
  @Field(() => Change) node: Change;
}

@ObjectType({ description: 'A page of the change log, oldest first (Relay connection)' })
export class ChangeConnection {
  @Field(() => [ChangeEdge]) edges: ChangeEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

export const CHANGE_LIST = 'change';
export const changeCursor = (seq: number) => encodeCursor(CHANGE_LIST, String(seq));

export function toChange(row: ChangeRow): Change {
  return {
    cursor: changeCursor(row.seq),
    sequence: row.seq,
    at: row.at,
    operation: row.op as ChangeOperation,
    targetId: row.targetId,
    targetKind: row.targetKind as ChangeTargetKind,
    fields: row.fields ?? [],
    principal: row.principal,
    role: row.role,
    revisionId: row.revisionId,
  };
}
