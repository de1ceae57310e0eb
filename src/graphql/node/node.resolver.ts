import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { entitiesStore, type EntityRow } from '../../store/entities.store';
import { eventsStore } from '../../store/events.store';
import type { Context } from '../context';
import { toEventView, type EventView } from '../event/event.mapper';
import { Node } from './node.interface';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Relay: any entity or event by its global id; null when unknown' })
  async node(@Arg('id', () => ID) id: string, @Ctx() { db }: Context): Promise<EntityRow | EventView | null> {
    // Event ids start with event/; both look-ups are unique-index seeks.
    if (id.startsWith('event/')) {
      const [row] = await eventsStore.byIds(db.reader, [id]);
      return row ? toEventView(row) : null;
    }
    return entitiesStore.byId(db.reader, id);
  }
}
