import { EVENT_KINDS, EVENT_KIND_LIST, type EventKindSpec, type RoleSpec } from '../model/registry';
import type { EventKind } from '../model/vocabulary';

/** The event kinds and their roles as the generator walks them: the registry's, in its order. */
export type { RoleSpec };

export type KindSpec = EventKindSpec & { kind: EventKind };

export function eventKinds(): KindSpec[] {
  return EVENT_KIND_LIST.map((kind) => ({ kind, ...EVENT_KINDS[kind] }));
}
