import { EVENT_KINDS } from './registry';
import type { EventKind } from './vocabulary';

/**
 * When two reports describe one event (docs/model.md, "One event, many sources"): the same kind,
 * the same participants in the same roles, compatible dates, and equal identity properties of the
 * kind (the registry's `identity`: a statement's text, a metric's name and period…) where both give
 * them. Dates are compatible when one is as precise as the source allows and the other refines
 * it (2024 ⊇ 2024-10 ⊇ 2024-10-28), or either is unknown: a second article that dates an
 * acquisition to the day reports the same acquisition as the first that gave only its month.
 */
export interface EventReport {
  kind: string;
  date: string | null;
  participants: { role: string; id: string }[];
  props: Record<string, unknown>;
}

export function datesCompatible(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return true;
  return a.startsWith(b) || b.startsWith(a);
}

const pairs = (r: EventReport) =>
  [...new Set(r.participants.map((p) => `${p.role}\u0000${p.id}`))].sort().join('\u0001');

export function sameEvent(a: EventReport, b: EventReport): boolean {
  if (a.kind !== b.kind || !datesCompatible(a.date, b.date) || pairs(a) !== pairs(b)) return false;
  const identity = EVENT_KINDS[a.kind as EventKind]?.identity ?? [];
  return identity.every((key) => {
    const [x, y] = [a.props[key], b.props[key]];
    return x === null || x === undefined || y === null || y === undefined || JSON.stringify(x) === JSON.stringify(y);
  });
}

/**
 * The sortKey ranges ("<date or ~> <id>") of the events whose dates are compatible with `date`:
 * its own prefix (itself and every finer date), each coarser date exactly, and the undated.
 * Bounds are [lower, upper).
 */
export function compatibleSortKeyRanges(date: string | null | undefined): { lower: string; upper: string }[] {
  if (!date) return [{ lower: '', upper: '\uffff' }];
  const coarser = [date.slice(0, 4), date.slice(0, 7)].filter(
    (p) => p.length < date.length && !date.startsWith(`${p} `),
  );
  return [
    { lower: date, upper: `${date}\uffff` },
    ...[...new Set(coarser)].map((p) => ({ lower: `${p} `, upper: `${p} \uffff` })),
    { lower: '~ ', upper: '~ \uffff' },
  ];
}
