import { EVENT_KINDS } from '../../model/registry';
import type { EventKind } from '../../model/vocabulary';
import { BOOKKEEPING_KEYS } from '../../model/records';
import type { Citation } from '../common/citation.type';
import { moneyFrom } from '../common/money.type';
import type { EntityRow } from '../entity/entity.interface';

/** An event as projected by cypher/queries/events.cypher. */
export interface EventRow extends Record<string, unknown> {
  id: string;
  sortKey: string;
  participants: { role: string; position: number | null; entity: EntityRow }[];
  sources: (Omit<Citation, 'offset'> & { position: number | null; offset?: number | null })[];
}

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
 * as its own field (acquirer, claimants…), money properties back into Money objects.
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
    price: moneyFrom(row, 'price'),
    valuation: moneyFrom(row, 'valuation'),
    amount: moneyFrom(row, 'amount'),
    attributes: Object.fromEntries(
      Object.entries(row).filter(([key, value]) => !COMMON_KEYS.has(key) && value !== null),
    ),
  };
  const roles = EVENT_KINDS[row.kind as EventKind]?.roles ?? [];
  for (const { field, many } of roles) view[field] = many ? [] : null;
  for (const { role, entity } of participants) {
    const target = roles.find((r) => r.role === role);
    if (!target) continue;
    if (target.many) (view[target.field] as EntityRow[]).push(entity);
    else view[target.field] ??= entity;
  }
  return view;
}
