import { partialDateUpperBound } from './partialDate';

/** Undated events sort last. */
export const UNDATED = '~';

/**
 * The order of event lists: date (undated last), then id, as one string so that a single range
 * index serves both the sort and the cursor. The space sorts before '-', so "2024-05" (a month)
 * comes before "2024-05-13" (a day in it), as partial dates compare.
 */
export function eventSortKey(date: string | null | undefined, id: string): string {
  return `${date ?? UNDATED} ${id}`;
}

/**
 * The sortKeys of events dated in an inclusive range of partial dates, as exclusive bounds
 * (lower, upper). A date bound excludes undated events, as a null date matches no range; no bound
 * at all keeps them.
 */
export function sortKeyRange(from?: string | null, to?: string | null): { lower: string; upper: string } {
  return { lower: from ?? '', upper: to ? partialDateUpperBound(to) : from ? UNDATED : '\uffff' };
}

/**
 * The period an event is tallied under (cypher/queries/stats.cypher): its date cut to the month
 * ("2024-05-13" → "2024-05"), the year itself when the source gives only the year (never invented
 * into a month), UNDATED when there is no date. Periods compare like the dates in sortKeys, so
 * sortKeyRange's bounds select the same events from periods as from sortKeys.
 */
export function tallyPeriod(date: string | null | undefined): string {
  return date ? date.slice(0, 7) : UNDATED;
}

/**
 * The sortKeys of the events of one period, as [lower, upper): a month's prefix also covers its
 * days ("2024-05-13 …"); a year's ends with the space that follows a year-only date ("2024 …").
 */
export function periodSortKeyRange(period: string): { lower: string; upper: string } {
  const prefix = period.length === 7 ? period : `${period} `;
  return { lower: prefix, upper: partialDateUpperBound(prefix) };
}
