import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { EventKind, RelationshipType } from '../../model/vocabulary';
import type { Context } from '../context';
import { Acquisition, TalentMove } from '../event/event-kinds.type';
import { Direction } from './entity.args';
import { Entity, type EntityRow } from './entity.interface';
import { Organization } from './organization.type';
import { Product } from './product.type';
import { eventsOf, relatedEntities, relationshipsOf } from './relationships';
import { Relationship } from './relationship.type';

const { FOUNDED, WORKS_AT, PARTNER_AT, INVESTED_IN, SUBSIDIARY_OF, MAKES, MEMBER_OF } = RelationshipType;

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [Relationship], { description: 'Founders, employees and partners' })
  people(@Root() org: EntityRow, @Ctx() context: Context): Promise<Relationship[]> {
    return relationshipsOf(org, context, { types: [FOUNDED, WORKS_AT, PARTNER_AT], direction: Direction.IN });
  }

  @FieldResolver(() => [Relationship], { description: 'Who invested in this organization' })
  investors(@Root() org: EntityRow, @Ctx() context: Context): Promise<Relationship[]> {
    return relationshipsOf(org, context, { types: [INVESTED_IN], direction: Direction.IN });
  }

  @FieldResolver(() => [Relationship], { description: 'What this organization invested in' })
  investments(@Root() org: EntityRow, @Ctx() context: Context): Promise<Relationship[]> {
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
  acquisitions(@Root() org: EntityRow, @Ctx() context: Context): Promise<Acquisition[]> {
    return eventsOf(org, context, { kinds: [EventKind.ACQUISITION], roles: ['acquirer'] }) as unknown as Promise<Acquisition[]>;
  }

  @FieldResolver(() => [Acquisition], { description: 'Acquisitions of this organization' })
  acquiredBy(@Root() org: EntityRow, @Ctx() context: Context): Promise<Acquisition[]> {
    return eventsOf(org, context, { kinds: [EventKind.ACQUISITION], roles: ['target'] }) as unknown as Promise<Acquisition[]>;
  }

  @FieldResolver(() => [TalentMove], { description: 'People and teams who moved here' })
  talentIn(@Root() org: EntityRow, @Ctx() context: Context): Promise<TalentMove[]> {
    return eventsOf(org, context, { kinds: [EventKind.TALENT_MOVE], roles: ['to'] }) as unknown as Promise<TalentMove[]>;
  }

  @FieldResolver(() => [TalentMove], { description: 'People and teams who left' })
  talentOut(@Root() org: EntityRow, @Ctx() context: Context): Promise<TalentMove[]> {
    return eventsOf(org, context, { kinds: [EventKind.TALENT_MOVE], roles: ['from'] }) as unknown as Promise<TalentMove[]>;
  }
}
