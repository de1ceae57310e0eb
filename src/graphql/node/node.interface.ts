import { Field, ID, InterfaceType } from 'type-graphql';
import { EVENT_LABEL } from '../../model/registry';
import type { EventKind } from '../../model/vocabulary';

/**
 * Relay's Node: anything with a global id (entities and events), refetchable by `node(id:)`.
 * Ids are already global: their prefix names the kind of node (person/, org/, event/…).
 */
@InterfaceType({
  description: 'An object with a global id: an entity or an event',
  resolveType: (value: { label: string; kind?: EventKind }) => (value.kind ? EVENT_LABEL[value.kind] : value.label),
})
export abstract class Node {
  @Field(() => ID)
  id: string;
}
