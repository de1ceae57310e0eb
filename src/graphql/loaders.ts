import DataLoader from 'dataloader';
import type { Executor } from '../neo4j/executor';
import {
  entitiesStore,
  type Capped,
  type EntityRow,
  type MentionRow,
  type RelationshipRow,
} from '../store/entities.store';
import { eventsStore, type EntityEventScope } from '../store/events.store';
import { toEventView, type EventView } from './event/event.mapper';

export type { EntityEventScope };

/** A batch function over a store read that answers many ids at once. */
function byId<T>(read: (ids: string[]) => Promise<Map<string, T>>, missing: () => T) {
  return new DataLoader<string, T>(async (ids) => {
    const found = await read([...ids]);
    return ids.map((id) => found.get(id) ?? missing());
  });
}

/** One loader per distinct scope of a request (its key), made when first asked for. */
function perScope<S, T>(make: (scope: S) => DataLoader<string, T>) {
  const loaders = new Map<string, DataLoader<string, T>>();
  return (key: unknown[], scope: S): DataLoader<string, T> => {
    const name = JSON.stringify(key);
    let loader = loaders.get(name);
    if (!loader) loaders.set(name, (loader = make(scope)));
    return loader;
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** A page of an entity's events, as the nested connections take it. */
export interface EventPageView {
  events: EventView[];
  hasMore: boolean;
}

/**
 * Per-request DataLoaders: a nested field costs one query for all its parents, so a request's
 * round trips depend on the fields it asks for, never on how many rows come back. Event pages and
 * counts are batched per scope (one query per distinct role/kinds/size/cursors/direction in the
 * request; a page's far-side probe is one more scope).
 */
export function createLoaders(db: Executor) {
  const eventPages = perScope((scope: EntityEventScope) =>
    byId<EventPageView>(
      async (ids) => {
        const found = await eventsStore.ofEntities(db.reader, ids, scope);
        return new Map(
          [...found].map(([id, page]) => [id, { events: page.events.map(toEventView), hasMore: page.hasMore }]),
        );
      },
      () => ({ events: [], hasMore: false }),
    ),
  );
  const eventCounts = perScope((scope: Pick<EntityEventScope, 'role' | 'kinds'>) =>
    byId(
      (ids) => eventsStore.countOfEntities(db.reader, ids, scope),
      () => ({ count: 0, exact: true }),
    ),
  );
  const relationshipsOf = (withCitations: boolean) =>
    byId<Capped<RelationshipRow>>(
      (ids) => entitiesStore.relationshipsOf(db.reader, ids, withCitations),
      () => ({ rows: [], truncated: false }),
    );
  const kindsKey = (scope: Pick<EntityEventScope, 'kinds'>) => (scope.kinds ? [...scope.kinds].sort() : null);
  // Entities and events by global id (a selection's `node`s): event ids start with event/.
  const nodes = new DataLoader<string, EntityRow | EventView | null>(async (ids) => {
    const read = <T>(wanted: string[], byIds: (read: Executor['reader'], ids: string[]) => Promise<T[]>) =>
      wanted.length ? byIds(db.reader, wanted) : Promise.resolve([]);
    const [entities, events] = await Promise.all([
      read(
        ids.filter((id) => !id.startsWith('event/')),
        (r, wanted) => entitiesStore.byIds(r, wanted),
      ),
      read(
        ids.filter((id) => id.startsWith('event/')),
        (r, wanted) => eventsStore.byIds(r, wanted),
      ),
    ]);
    const found = new Map<string, EntityRow | EventView>([
      ...entities.map((e) => [e.id, e] as const),
      ...events.map((e) => [e.id, toEventView(e)] as const),
    ]);
    return ids.map((id) => found.get(id) ?? null);
  });
  return {
    nodes,
    relationships: relationshipsOf(true),
    /** The same without citations, for selections that read none (the other ends, `people { id }`). */
    relationshipsUncited: relationshipsOf(false),
    mentions: byId<Capped<MentionRow>>(
      (ids) => entitiesStore.mentionsOf(db.reader, ids),
      () => ({ rows: [], truncated: false }),
    ),
    events: (scope: EntityEventScope) =>
      eventPages(
        [scope.role, kindsKey(scope), scope.first, scope.after ?? null, scope.before ?? null, scope.backward ?? false],
        scope,
      ),
    eventCounts: (scope: Pick<EntityEventScope, 'role' | 'kinds'>) => eventCounts([scope.role, kindsKey(scope)], scope),
  };
}
