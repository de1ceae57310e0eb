import DataLoader from 'dataloader';
import type { EventKind } from '../model/vocabulary';
import type { Executor } from '../neo4j/executor';
import { entitiesStore, type MentionRow, type RelationshipRow } from '../store/entities.store';
import { eventsStore } from '../store/events.store';
import { toEventView, type EventView } from './event/event.mapper';

/** Which of an entity's events a nested field lists: in one role, or of some kinds; the first ones. */
export interface EventScope {
  role: string | null;
  kinds: EventKind[] | null;
  first: number;
}

/** A batch function over a store read that answers many ids at once. */
function byId<T>(read: (ids: string[]) => Promise<Map<string, T[]>>) {
  return new DataLoader<string, T[]>(async (ids) => {
    const found = await read([...ids]);
    return ids.map((id) => found.get(id) ?? []);
  });
}

export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Per-request DataLoaders: a nested field costs one query for all its parents, so a request's
 * round trips depend on the fields it asks for, never on how many rows come back. Event lists are
 * batched per scope (one query per distinct role/kinds/first in the request).
 */
export function createLoaders(db: Executor) {
  const eventLoaders = new Map<string, DataLoader<string, EventView[]>>();
  return {
    relationships: byId<RelationshipRow>((ids) => entitiesStore.relationshipsOf(db.reader, ids)),
    mentions: byId<MentionRow>((ids) => entitiesStore.mentionsOf(db.reader, ids)),
    events(scope: EventScope): DataLoader<string, EventView[]> {
      const key = JSON.stringify([scope.role, scope.kinds ? [...scope.kinds].sort() : null, scope.first]);
      let loader = eventLoaders.get(key);
      if (!loader) {
        loader = byId<EventView>(async (ids) => {
          const found = await eventsStore.ofEntities(db.reader, ids, scope);
          return new Map([...found].map(([id, rows]) => [id, rows.map(toEventView)]));
        });
        eventLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
