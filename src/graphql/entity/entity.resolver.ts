import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Citation } from '../common/citation.type';
import { badUserInput } from '../common/errors';
import type { Context } from '../context';
import { Event } from '../event/event.interface';
import { entityQueries } from '../loaders';
import { EntitiesArgs, EntityEventsArgs, RelationshipsArgs, SearchArgs } from './entity.args';
import { Entity, type EntityRow } from './entity.interface';
import { eventsOf, relationshipsOf } from './relationships';
import { Relationship } from './relationship.type';
import { searchParams } from './searchQuery';
import { nameKey } from '../../model/names';

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => Entity, { nullable: true, description: 'One entity by id; null when unknown' })
  async entity(@Arg('id', () => ID) id: string, @Ctx() { db }: Context): Promise<EntityRow | null> {
    const [row] = await db.read(entityQueries.entityById, { id });
    return (row?.entity as EntityRow) ?? null;
  }

  @Query(() => [Entity], { description: 'Entities by type and organization category, by name' })
  async entities(@Args() { type, category, limit, offset }: EntitiesArgs, @Ctx() { db }: Context): Promise<EntityRow[]> {
    const rows = await db.read(entityQueries.entityList, { label: type ?? null, category: category ?? null, limit, offset });
    return rows.map((r) => r.entity as EntityRow);
  }

  @Query(() => [Entity], { description: 'Exact look-up of a name in any form (楊植麟, 杨植麟, Yang Zhilin); several when entities share it' })
  async entitiesByName(@Arg('name') name: string, @Ctx() { db }: Context): Promise<EntityRow[]> {
    const key = nameKey(name);
    if (!key) throw badUserInput('name', 'must contain a letter or a character');
    return (await db.read(entityQueries.entitiesByName, { key })).map((r) => r.entity as EntityRow);
  }

  @Query(() => [Entity], { description: 'Ranked name search over traditional, simplified and English names' })
  async search(@Args() { text, limit }: SearchArgs, @Ctx() { db }: Context): Promise<EntityRow[]> {
    const params = searchParams(text, limit);
    if (!params.query) throw badUserInput('text', 'must contain a word to search for');
    const rows = await db.read(entityQueries.searchEntities, params);
    return rows.map((r) => r.entity as EntityRow);
  }

  @FieldResolver(() => [Citation], { description: 'Where the sources mention this entity' })
  mentions(@Root() entity: EntityRow, @Ctx() { loaders }: Context): Promise<Citation[]> {
    return loaders.mentions.load(entity.id);
  }

  @FieldResolver(() => [Relationship], { description: 'Stable relationships, with their citations' })
  relationships(@Root() entity: EntityRow, @Args() args: RelationshipsArgs, @Ctx() context: Context): Promise<Relationship[]> {
    return relationshipsOf(entity, context, args);
  }

  @FieldResolver(() => [Event], { description: 'Events this entity takes part in, in date order' })
  events(@Root() entity: EntityRow, @Args() { kinds }: EntityEventsArgs, @Ctx() context: Context): Promise<Event[]> {
    return eventsOf(entity, context, { kinds }) as unknown as Promise<Event[]>;
  }
}
