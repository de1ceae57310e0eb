import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import type { EventView } from '../event/event.mapper';
import type { ConnectionView } from '../common/connection.type';
import { TalentMoveConnection } from '../event/event-connection.type';
import { Direction, NestedPageArgs } from './entity.args';
import type { EntityRow } from '../../store/entities.store';
import { Person } from './person.type';
import { eventsOf, readsCitations, relationshipsOf, type RelationshipView } from './relationships';
import { Relationship } from './relationship.type';

const { FOUNDED, WORKS_AT, PARTNER_AT, MEMBER_OF } = RelationshipType;

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Relationship], {
    description:
      'Every position: founder, employee, partner, member (drawn from its first 500 stable relationships: see relationshipsTruncated)',
  })
  roles(
    @Root() person: EntityRow,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RelationshipView[]> {
    return relationshipsOf(person, context, {
      types: [FOUNDED, WORKS_AT, PARTNER_AT, MEMBER_OF],
      direction: Direction.OUT,
      cited: readsCitations(info),
    });
  }

  @FieldResolver(() => [Relationship], {
    description:
      'Jobs and partnerships (WORKS_AT, PARTNER_AT) (drawn from its first 500 stable relationships: see relationshipsTruncated)',
  })
  employments(
    @Root() person: EntityRow,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RelationshipView[]> {
    return relationshipsOf(person, context, {
      types: [WORKS_AT, PARTNER_AT],
      direction: Direction.OUT,
      cited: readsCitations(info),
    });
  }

  @FieldResolver(() => TalentMoveConnection, { description: 'Moves this person made, in date order' })
  moves(
    @Root() person: EntityRow,
    @Args() page: NestedPageArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    return eventsOf(person, context, info, { role: 'mover' }, page);
  }
}
