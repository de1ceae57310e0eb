import type { GraphQLScalarType } from 'graphql';
import { Node } from '../node/node.interface';
import { Field, Float, ID, Int, ObjectType, type ClassType } from 'type-graphql';
import {
  EVENT_KINDS,
  EVENT_KIND_LIST,
  type EventKindSpec,
  type PropertyType,
  type RoleSpec,
} from '../../model/registry';
import type { EntityLabel, EventKind } from '../../model/vocabulary';
import { Money } from '../common/money.type';
import { Entity } from '../entity/entity.interface';
import { Group } from '../entity/group.type';
import { Organization } from '../entity/organization.type';
import { Person } from '../entity/person.type';
import { Product } from '../entity/product.type';
import { PartialDateScalar } from '../scalars/partialDate.scalar';
import { Event } from './event.interface';

// One object type per event kind, written from the registry (src/model/registry.ts): named by its
// label, described by its description, with the fields of the Event interface, then one field per
// role (a list for `many` roles, non-null when required and single, typed by the role's label when
// only one label may fill it, Entity otherwise), then one nullable field per typed property. The
// values come from toEventView (./event.mapper.ts): participants by role, money rebuilt from its
// stored pair. What a kind does beyond its fields (acquisitions, talentMoves) is in the resolvers.

const ENTITY_TYPE_OF: Record<EntityLabel, ClassType> = { Person, Organization, Product, Group };

const PROPERTY_TYPE_OF: Record<PropertyType, GraphQLScalarType | ClassType | StringConstructor | BooleanConstructor> = {
  String,
  Int,
  Float,
  Boolean,
  ID,
  PartialDate: PartialDateScalar,
  Money,
};

function roleField(target: object, r: RoleSpec): void {
  const type = r.labels.length === 1 ? ENTITY_TYPE_OF[r.labels[0]] : Entity;
  const description = r.description ? { description: r.description } : {};
  if (r.many) Field(() => [type], description)(target, r.field);
  else Field(() => type, { nullable: !r.required, ...description })(target, r.field);
}

/** The GraphQL type of one kind, as a class type-graphql reads like a decorated one. */
export function eventTypeOf(spec: EventKindSpec): abstract new () => Event {
  const type = { [spec.label]: class extends Event {} }[spec.label];
  for (const r of spec.roles) roleField(type.prototype, r);
  for (const p of spec.properties) {
    if (!p.type) continue; // a free attribute: in `attributes` only
    const fieldType = PROPERTY_TYPE_OF[p.type];
    const description = p.description ? { description: p.description } : {};
    Field(() => fieldType, { nullable: true, ...description })(type.prototype, p.name);
  }
  ObjectType(spec.label, { implements: [Event, Node], description: spec.description })(type);
  return type;
}

/** The GraphQL type of each kind. */
export const EVENT_TYPE_OF = Object.fromEntries(
  EVENT_KIND_LIST.map((kind) => [kind, eventTypeOf(EVENT_KINDS[kind])]),
) as Record<EventKind, abstract new () => Event>;

export const EVENT_TYPES = Object.values(EVENT_TYPE_OF);

/** The kinds that have queries of their own (src/graphql/event/event.resolver.ts). */
export const Acquisition = EVENT_TYPE_OF.ACQUISITION;
export const TalentMove = EVENT_TYPE_OF.TALENT_MOVE;
