import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import type { EventView } from '../event/event.mapper';
import { Acquisition, TalentMove } from '../event/event-kinds.type';
import { Direction } from './entity.args';
import { Entity } from './entity.interface';
import type { EntityRow } from '../../store/entities.store';
import { Organization } from './organization.type';
import { Product } from './product.type';
import { eventsOf, relatedEntities, relationshipsOf, type RelationshipView } from './relationships';
import { Relationship } from './relationship.type';

const { FOUNDED, WORKS_AT, PARTNER_AT, INVESTED_IN, SUBSIDIARY_OF, MAKES, MEMBER_OF } = RelationshipType;

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [Relationship], { description: 'Founders, employees and partners' })
  people(@Root() org: EntityRow, @Ctx() context: Context): Promise<RelationshipView[]> {
    return relationshipsOf(org, context, { types: [FOUNDED, WORKS_AT, PARTNER_AT], direction: Direction.IN });
  }

  @FieldResolver(() => [Relationship], { description: 'Who invested in this organization' })
  investors(@Root() org: EntityRow, @Ctx() context: Context): Promise<RelationshipView[]> {
    return relationshipsOf(org, context, { types: [INVESTED_IN], direction: Direction.IN });
  }

  @FieldResolver(() => [Relationship], { description: 'What this organization invested in' })
  investments(@Root() org: EntityRow, @Ctx() context: Context): Promise<RelationshipView[]> {
    return relationshipsOf(org, context, { types: [INVESTED_IN], direction: Direction.OUT });
  }

  @FieldResolver(() => [Organization])
  subsidiaries(@Root() org: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    return relatedEntities(org, context, [SUBSIDIARY_OF], Direction.IN);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The parent company' })
  async parent(@Root() org: EntityRow, @Ctx() context: Context): Promise<EntityRow | null> {
    return (await relatedEntities(org, context, [SUBSIDIARY_OF], Direction.OUT))[0] ?? null;
  }

  @FieldResolver(() => [Product])
  products(@Root() org: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    return relatedEntities(org, context, [MAKES], Direction.OUT);
  }

  @FieldResolver(() => [Entity], { description: 'Members of a collective this organization stands for' })
  members(@Root() org: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    return relatedEntities(org, context, [MEMBER_OF], Direction.IN);
  }

  @FieldResolver(() => [Acquisition], { description: 'Acquisitions this organization made' })
  acquisitions(@Root() org: EntityRow, @Ctx() context: Context): Promise<EventView[]> {
    return eventsOf(org, context, { role: 'acquirer' });
  }

  @FieldResolver(() => [Acquisition], { description: 'Acquisitions of this organization' })
  acquiredBy(@Root() org: EntityRow, @Ctx() context: Context): Promise<EventView[]> {
    return eventsOf(org, context, { role: 'target' });
  }

  @FieldResolver(() => [TalentMove], { description: 'People and teams who moved here' })
  talentIn(@Root() org: EntityRow, @Ctx() context: Context): Promise<EventView[]> {
    return eventsOf(org, context, { role: 'to' });
  }

  @FieldResolver(() => [TalentMove], { description: 'People and teams who left' })
  talentOut(@Root() org: EntityRow, @Ctx() context: Context): Promise<EventView[]> {
    return eventsOf(org, context, { role: 'from' });
  }
}
