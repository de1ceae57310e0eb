import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { InvalidInput } from '../../errors';
import { nameKey } from '../../model/names';
import { entitiesStore, PER_ENTITY, type EntityRow, type MentionRow } from '../../store/entities.store';
import { Citation, citationsFrom } from '../common/citation.type';
import { CitationsArgs } from '../common/citations.args';
import type { ConnectionView } from '../common/connection.type';
import { decodeCursor } from '../common/cursor';
import { pageRequest } from '../common/page.args';
import { selectsField } from '../selection';
import type { Context } from '../context';
import { EventConnection } from '../event/event-connection.type';
import type { EventView } from '../event/event.mapper';
import { EntitiesArgs, EntityEventsArgs, RelationshipsArgs, SearchArgs } from './entity.args';
import { EntityConnection, type EntityConnectionView } from './entity-connection.type';
import { Entity } from './entity.interface';
import { entityConnection } from './entityQuery';
import { eventsOf, readsCitations, relationshipsOf, type RelationshipView } from './relationships';
import { Relationship } from './relationship.type';
import { searchParams } from './searchQuery';

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'One entity by id; null when unknown' })
  entity(@Arg('id', () => ID) id: string, @Ctx() { db }: Context): Promise<EntityRow | null> {
    return entitiesStore.byId(db.reader, id);
  }

  @Query(() => EntityConnection, {
    nullable: true,
    description:
      'Entities filtered by type, category, name prefix and their events, in name, degree or latest-event order',
  })
  entities(
    @Args() args: EntitiesArgs,
    @Ctx() { db }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityConnectionView> {
    const { type, category, namePrefix, hasEventOf, eventsFrom, eventsTo, orderBy } = args;
    const prefix = namePrefix == null ? null : nameKey(namePrefix);
    if (prefix === '') throw new InvalidInput('namePrefix', 'must contain a letter or a character');
    const list = `entity:${orderBy}`;
    const { size, backward, after, before } = pageRequest(args, (cursor, argument) =>
      decodeCursor(list, cursor, argument),
    );
    return entityConnection(
      db.reader,
      {
        order: orderBy,
        label: type ?? null,
        category: category ?? null,
        prefix,
        eventKinds: hasEventOf ?? null,
        eventsFrom: eventsFrom ?? null,
        eventsTo: eventsTo ?? null,
      },
      { first: size, backward, after, before },
      list,
      {
        count: selectsField(info, 'totalCount') || selectsField(info, 'totalCountExact'),
        farSide: selectsField(info, 'pageInfo', backward ? 'hasNextPage' : 'hasPreviousPage'),
      },
    );
  }

  @Query(() => [Entity], {
    nullable: true,
    description: 'Exact look-up of a name in any form (楊植麟, 杨植麟, Yang Zhilin); several when entities share it',
  })
  entitiesByName(@Arg('name') name: string, @Ctx() { db }: Context): Promise<EntityRow[]> {
    const key = nameKey(name);
    if (!key) throw new InvalidInput('name', 'must contain a letter or a character');
    return entitiesStore.byName(db.reader, key);
  }

  @Query(() => [Entity], {
    nullable: true,
    description:
      'Ranked name search over traditional, simplified and English names: the exact name first, then names starting with the text (one character and up, for typeahead), then names containing its words',
  })
  search(@Args() { text, limit }: SearchArgs, @Ctx() { db }: Context): Promise<EntityRow[]> {
    const params = searchParams(text, limit);
    if (!params.key) throw new InvalidInput('text', 'must contain a letter or a character to search for');
    return entitiesStore.search(db.reader, params);
  }

  @FieldResolver(() => [Citation], {
    description: `Where the sources mention this entity, every source or one: at most ${PER_ENTITY} (mentionsTruncated says whether there are more)`,
  })
  async mentions(
    @Root() entity: EntityRow,
    @Args() { source }: CitationsArgs,
    @Ctx() { loaders }: Context,
  ): Promise<MentionRow[]> {
    return citationsFrom((await loaders.mentions.load(entity.id)).rows, source);
  }

  @FieldResolver(() => Int, { description: 'How many distinct sources mention this entity' })
  sourceCount(@Root() entity: EntityRow): number {
    return typeof entity.sourceCount === 'number' ? entity.sourceCount : 0;
  }

  @FieldResolver(() => Boolean, {
    description: `True when the sources mention this entity more than ${PER_ENTITY} times: \`mentions\` holds ${PER_ENTITY} of them`,
  })
  async mentionsTruncated(@Root() entity: EntityRow, @Ctx() { loaders }: Context): Promise<boolean> {
    return (await loaders.mentions.load(entity.id)).truncated;
  }

  @FieldResolver(() => Boolean, {
    description: `True when this entity has more than ${PER_ENTITY} stable relationships: \`relationships\` and every list drawn from them (people, investors, investments, subsidiaries, products, members, roles, employments, maker) hold only the ${PER_ENTITY} read first`,
  })
  async relationshipsTruncated(@Root() entity: EntityRow, @Ctx() { loaders }: Context): Promise<boolean> {
    return (await loaders.relationshipsUncited.load(entity.id)).truncated;
  }

  @FieldResolver(() => [Relationship], {
    description: `Stable relationships, with their citations: at most ${PER_ENTITY} (relationshipsTruncated says whether there are more)`,
  })
  relationships(
    @Root() entity: EntityRow,
    @Args() args: RelationshipsArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RelationshipView[]> {
    return relationshipsOf(entity, context, { ...args, cited: readsCitations(info) });
  }

  @FieldResolver(() => EventConnection, {
    description: 'The events this entity takes part in, in date order (undated last)',
  })
  events(
    @Root() entity: EntityRow,
    @Args() args: EntityEventsArgs,
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionView<EventView>> {
    return eventsOf(entity, context, info, { kinds: args.kinds }, args);
  }
}
