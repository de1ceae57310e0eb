import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import type { EventView } from '../event/event.mapper';
import { TalentMove } from '../event/event-kinds.type';
import { Direction } from './entity.args';
import type { EntityRow } from '../../store/entities.store';
import { Person } from './person.type';
import { eventsOf, relationshipsOf, type RelationshipView } from './relationships';
import { Relationship } from './relationship.type';

const { FOUNDED, WORKS_AT, PARTNER_AT, MEMBER_OF } = RelationshipType;

@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => [Relationship], { description: 'Every position: founder, employee, partner, member' })
  roles(@Root() person: EntityRow, @Ctx() context: Context): Promise<RelationshipView[]> {
    return relationshipsOf(person, context, { types: [FOUNDED, WORKS_AT, PARTNER_AT, MEMBER_OF], direction: Direction.OUT });
  }

  @FieldResolver(() => [Relationship], { description: 'Jobs and partnerships (WORKS_AT, PARTNER_AT)' })
  employments(@Root() person: EntityRow, @Ctx() context: Context): Promise<RelationshipView[]> {
    return relationshipsOf(person, context, { types: [WORKS_AT, PARTNER_AT], direction: Direction.OUT });
  }

  @FieldResolver(() => [TalentMove], { description: 'Moves this person made' })
  moves(@Root() person: EntityRow, @Ctx() context: Context): Promise<EventView[]> {
    return eventsOf(person, context, { role: 'mover' });
  }
}
