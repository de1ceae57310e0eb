import { EVENT_KINDS, type EventKindSpec } from '../../model/registry';
import type { EventKind } from '../../model/vocabulary';
import { BOOKKEEPING_KEYS } from '../../model/records';
import { moneyFrom } from '../common/money.type';
import type { EntityRow, EventRow } from '../../store/rows';

export type EventView = Record<string, unknown> & { id: string; sortKey: string };

/** Properties every event has, shown as their own fields; the rest are the kind's `attributes`. */
export const COMMON_KEYS = new Set<string>([
  'id',
  'kind',
  'label',
  'date',
  'datePrecision',
  'dateNote',
  'summary',
  'sortKey',
  'participants',
  'sources',
  'via',
  ...BOOKKEEPING_KEYS,
]);

const byPosition = (a: { position: number | null }, b: { position: number | null }) =>
  (a.position ?? 0) - (b.position ?? 0);

/**
 * Shapes an event row for GraphQL: participants and citations in source order, each role also
 * as its own field (acquirer, claimants…), the kind's money properties back into Money objects
 * (all as the registry says).
 */
export function toEventView(row: EventRow): EventView {
  const participants = [...row.participants].sort(byPosition).map(({ role, entity }) => ({ role, entity }));
  const view: EventView = {
    ...row,
    participants,
    sources: [...row.sources]
      .sort(byPosition)
      .map(({ quote, source, offset }) => ({ quote, source, offset: offset ?? null })),
    sourceCount:
      typeof row.sourceCount === 'number' ? row.sourceCount : new Set(row.sources.map((c) => c.source.id)).size,
    attributes: Object.fromEntries(
      Object.entries(row).filter(([key, value]) => !COMMON_KEYS.has(key) && value !== null),
    ),
  };
  const spec = EVENT_KINDS[row.kind as EventKind] as EventKindSpec | undefined;
  for (const name of spec?.money ?? []) view[name] = moneyFrom(row, name);
  const roles = spec?.roles ?? [];
  for (const { field, many } of roles) view[field] = many ? [] : null;
  for (const { role, entity } of participants) {
    const target = roles.find((r) => r.role === role);
    if (!target) continue;
    if (target.many) (view[target.field] as EntityRow[]).push(entity);
    else view[target.field] ??= entity;
  }
  return view;
}
