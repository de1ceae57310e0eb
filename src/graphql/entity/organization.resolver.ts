import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import type { EventView } from '../event/event.mapper';
import type { ConnectionView } from '../common/connection.type';
import { AcquisitionConnection, TalentMoveConnection } from '../event/event-connection.type';
import { Direction, NestedPageArgs } from './entity.args';
import { Entity } from './entity.interface';
import type { EntityRow } from '../../store/entities.store';
import { Organization } from './organization.type';
import { Product } from './product.type';
import { eventsOf, readsCitations, relatedEntities, relationshipsOf, type RelationshipView } from './relationships';
import { Relationship } from './relationship.type';

const { FOUNDED, WORKS_AT, PARTNER_AT, INVESTED_IN, SUBSIDIARY_OF, MAKES, MEMBER_OF } = RelationshipType;

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [Relationship], {
    description:
      'Founders, employees and partners (drawn from its first 500 stable relationships: see relationshipsTruncated)',
  })
  people(
    @Root() org: EntityRow,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RelationshipView[]> {
    return relationshipsOf(org, context, {
      types: [FOUNDED, WORKS_AT, PARTNER_AT],
      direction: Direction.IN,
      cited: readsCitations(info),
    });
  }

  @FieldResolver(() => [Relationship], {
    description:
      'Who invested in this organization (drawn from its first 500 stable relationships: see relationshipsTruncated)',
  })
  investors(
    @Root() org: EntityRow,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RelationshipView[]> {
    return relationshipsOf(org, context, {
      types: [INVESTED_IN],
      direction: Direction.IN,
      cited: readsCitations(info),
    });
  }

  @FieldResolver(() => [Relationship], {
    description:
      'What this organization invested in (drawn from its first 500 stable relationships: see relationshipsTruncated)',
  })
  investments(
    @Root() org: EntityRow,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RelationshipView[]> {
    return relationshipsOf(org, context, {
      types: [INVESTED_IN],
      direction: Direction.OUT,
      cited: readsCitations(info),
    });
  }

  @FieldResolver(() => [Organization], {
    description: 'Its subsidiaries (drawn from its first 500 stable relationships: see relationshipsTruncated)',
  })
  subsidiaries(@Root() org: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    return relatedEntities(org, context, [SUBSIDIARY_OF], Direction.IN);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The parent company (drawn from its first 500 stable relationships: see relationshipsTruncated)',
  })
  async parent(@Root() org: EntityRow, @Ctx() context: Context): Promise<EntityRow | null> {
    return (await relatedEntities(org, context, [SUBSIDIARY_OF], Direction.OUT))[0] ?? null;
  }

  @FieldResolver(() => [Product], {
    description: 'What it makes (drawn from its first 500 stable relationships: see relationshipsTruncated)',
  })
  products(@Root() org: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    return relatedEntities(org, context, [MAKES], Direction.OUT);
  }

  @FieldResolver(() => [Entity], {
    description:
      'Members of a collective this organization stands for (drawn from its first 500 stable relationships: see relationshipsTruncated)',
  })
  members(@Root() org: EntityRow, @Ctx() context: Context): Promise<EntityRow[]> {
    return relatedEntities(org, context, [MEMBER_OF], Direction.IN);
  }

  @FieldResolver(() => AcquisitionConnection, { description: 'Acquisitions this organization made, in date order' })
  acquisitions(
    @Root() org: EntityRow,
    @Args() page: NestedPageArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    return eventsOf(org, context, info, { role: 'acquirer' }, page);
  }

  @FieldResolver(() => AcquisitionConnection, { description: 'Acquisitions of this organization, in date order' })
  acquiredBy(
    @Root() org: EntityRow,
    @Args() page: NestedPageArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    return eventsOf(org, context, info, { role: 'target' }, page);
  }

  @FieldResolver(() => TalentMoveConnection, { description: 'People and teams who moved here, in date order' })
  talentIn(
    @Root() org: EntityRow,
    @Args() page: NestedPageArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    return eventsOf(org, context, info, { role: 'to' }, page);
  }

  @FieldResolver(() => TalentMoveConnection, { description: 'People and teams who left, in date order' })
  talentOut(
    @Root() org: EntityRow,
    @Args() page: NestedPageArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    return eventsOf(org, context, info, { role: 'from' }, page);
  }
}
