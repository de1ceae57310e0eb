/** ISO 8601 at the precision known: "2024", "2024-10" or "2024-12-05". */
export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision of a valid partial date, or undefined when the text is not one. */
export function partialDatePrecision(text: string): DatePrecision | undefined {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month === undefined) return 'YEAR';
  const m = Number(month);
  if (m < 1 || m > 12) return undefined;
  if (day === undefined) return 'MONTH';
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth ? 'DAY' : undefined;
}

/**
 * The last comparable string inside a partial date, for inclusive upper bounds: `to: "2024-05"`
 * keeps "2024-05" and "2024-05-20". Partial dates sort lexicographically ("2024" < "2024-01" <
 * "2024-01-01"), so the lower bound is the text itself.
 */
export function partialDateUpperBound(text: string): string {
  return `${text}\uffff`;
}
