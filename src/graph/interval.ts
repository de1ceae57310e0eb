import { partialDatePrecision } from '../model/partialDate';

/** The days a partial date covers, as ISO dates: "2024-10" → 2024-10-01 … 2024-10-31. */
export interface DayInterval {
  start: string;
  end: string;
}

/** The first and last day of a partial date; undefined for null or text that is not one. */
export function partialDateInterval(date: string | null | undefined): DayInterval | undefined {
  if (!date) return undefined;
  const precision = partialDatePrecision(date);
  if (!precision) return undefined;
  if (precision === 'DAY') return { start: date, end: date };
  if (precision === 'YEAR') return { start: `${date}-01-01`, end: `${date}-12-31` };
  const [year, month] = date.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start: `${date}-01`, end: `${date}-${String(lastDay).padStart(2, '0')}` };
}

/**
 * When an element exists on a timeline (GEXF dynamic mode): from the first day of `from` to the
 * last day of `to`; either end may be open. Undefined when neither is known (always there).
 */
export function spanOf(
  from: string | null | undefined,
  to: string | null | undefined,
): Partial<DayInterval> | undefined {
  const start = partialDateInterval(from)?.start;
  const end = partialDateInterval(to)?.end;
  return start || end ? { start, end } : undefined;
}
