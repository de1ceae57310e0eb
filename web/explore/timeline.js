// @ts-check
// Time as the data states it: an event dated "2024" happened some month of 2024, not in January.
// Each dated event is a span of months (year-only: twelve; month or day: one); an entity appears
// with the first event that involves it; the histogram counts events per month, spans spread.
// Pure functions over plain data (unit-tested).

/** @typedef {import('./types').MonthSpan} MonthSpan */

/**
 * The months a partial date may fall in: "2024" → 2024-01…2024-12, "2024-05" or "2024-05-20" → 2024-05.
 * @param {string | null | undefined} date
 * @returns {MonthSpan | null}
 */
export function monthSpan(date) {
  if (!date) return null;
  if (/^\d{4}$/.test(date)) return { first: `${date}-01`, last: `${date}-12`, precision: 'year' };
  const month = /^(\d{4}-\d{2})(-\d{2})?$/.exec(date);
  if (!month) return null;
  return {
    first: /** @type {string} */ (month[1]),
    last: /** @type {string} */ (month[1]),
    precision: month[2] ? 'day' : 'month',
  };
}

/** @param {string} month "YYYY-MM" */
export function monthAfter(month) {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) + 1;
  if (m > 12) {
    y += 1;
    m = 1;
  }
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/**
 * Every month of the years the spans touch, January of the first to December of the last (at
 * most 600): a lone event of 2024-11 plays as the eleventh month of its year, not as one frame.
 * @param {(MonthSpan | null)[]} spans
 * @returns {string[]}
 */
export function monthsOf(spans) {
  const present = /** @type {MonthSpan[]} */ (spans.filter(Boolean));
  if (!present.length) return [];
  const first = present.reduce((a, s) => (s.first < a ? s.first : a), present[0].first);
  const last = present.reduce((a, s) => (s.last > a ? s.last : a), present[0].last);
  const months = [];
  for (let m = `${first.slice(0, 4)}-01`; m <= `${last.slice(0, 4)}-12` && months.length < 600; m = monthAfter(m))
    months.push(m);
  return months;
}

/**
 * Events per month: `exact` for events known to that month, `spread` for the share of each
 * longer span (a year-only event adds 1/12 to each of its months), so the bars sum to the events.
 * @param {string[]} months
 * @param {(MonthSpan | null)[]} spans
 * @returns {{ month: string, exact: number, spread: number }[]}
 */
export function histogram(months, spans) {
  const index = new Map(months.map((m, i) => [m, i]));
  const bars = months.map((month) => ({ month, exact: 0, spread: 0 }));
  for (const span of spans) {
    if (!span) continue;
    if (span.first === span.last) {
      const i = index.get(span.first);
      if (i !== undefined) /** @type {{ exact: number }} */ (bars[i]).exact += 1;
      continue;
    }
    const covered = months.filter((m) => m >= span.first && m <= span.last);
    for (const m of covered)
      /** @type {{ spread: number }} */ (bars[/** @type {number} */ (index.get(m))]).spread += 1 / covered.length;
  }
  return bars;
}

/**
 * When each node of the view comes onto the timeline: an event at its span, an entity with the
 * earliest span of the events it takes part in (and, like them, "maybe" while that is uncertain).
 * Nodes with no dated event are not on the timeline at all.
 * @param {{ id: string, date: string | null, isEvent: boolean }[]} nodes
 * @param {{ source: string, target: string }[]} edges
 * @returns {Map<string, MonthSpan>}
 */
export function appearances(nodes, edges) {
  /** @type {Map<string, MonthSpan>} */
  const at = new Map();
  for (const n of nodes) {
    if (!n.isEvent) continue;
    const span = monthSpan(n.date);
    if (span) at.set(n.id, span);
  }
  const events = new Map([...at]);
  /** @param {string} entity @param {MonthSpan} span */
  const meet = (entity, span) => {
    const known = at.get(entity);
    // the earliest possible first appearance, and the earliest month by which it surely happened
    if (!known) at.set(entity, { ...span });
    else
      at.set(entity, {
        first: span.first < known.first ? span.first : known.first,
        last: span.last < known.last ? span.last : known.last,
        precision: known.precision,
      });
  };
  const isEvent = new Set(nodes.filter((n) => n.isEvent).map((n) => n.id));
  for (const e of edges) {
    const fromEvent = events.get(e.source);
    const toEvent = events.get(e.target);
    if (fromEvent && !isEvent.has(e.target)) meet(e.target, fromEvent);
    if (toEvent && !isEvent.has(e.source)) meet(e.source, toEvent);
  }
  return at;
}

/**
 * Where a node stands as of a month: not yet there, maybe there (its span has begun but not
 * ended: "sometime in 2024"), or there.
 * @param {MonthSpan | undefined} span
 * @param {string} month
 * @returns {'absent' | 'maybe' | 'present'}
 */
export function standing(span, month) {
  if (!span || span.first > month) return 'absent';
  return span.last <= month ? 'present' : 'maybe';
}

/**
 * The nodes that came onto the screen in the step to `month` from `previous` (null: from before
 * the first month): those absent then and not absent now.
 * @param {Map<string, MonthSpan>} at
 * @param {string} month
 * @param {string | null} previous
 * @returns {string[]}
 */
export function appearedIn(at, month, previous) {
  const out = [];
  for (const [id, span] of at) {
    if (standing(span, month) !== 'absent' && (previous === null || standing(span, previous) === 'absent'))
      out.push(id);
  }
  return out.sort();
}
