import {
  appearances,
  appearedIn,
  histogram,
  monthAfter,
  monthSpan,
  monthsOf,
  standing,
} from '../../../web/explore/timeline.js';

describe('explorer timeline', () => {
  it('reads a partial date as the months it may fall in', () => {
    expect(monthSpan('2024')).toEqual({ first: '2024-01', last: '2024-12', precision: 'year' });
    expect(monthSpan('2024-05')).toEqual({ first: '2024-05', last: '2024-05', precision: 'month' });
    expect(monthSpan('2024-05-20')).toEqual({ first: '2024-05', last: '2024-05', precision: 'day' });
    expect(monthSpan(null)).toBeNull();
    expect(monthSpan('May 2024')).toBeNull();
    expect(monthAfter('2024-12')).toBe('2025-01');
  });

  it('covers whole years: a lone November event plays through its year', () => {
    const months = monthsOf([monthSpan('2024-11')]);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2024-01');
    expect(months[11]).toBe('2024-12');
    expect(monthsOf([monthSpan('2023'), monthSpan('2024-02'), null])).toHaveLength(24);
    expect(monthsOf([])).toEqual([]);
  });

  it('spreads a year-only event over its twelve months, so the bars sum to the events', () => {
    const spans = [monthSpan('2024'), monthSpan('2024-03'), monthSpan('2024-03-09'), null];
    const bars = histogram(monthsOf(spans), spans);
    expect(bars).toHaveLength(12);
    expect(bars[0]).toEqual({ month: '2024-01', exact: 0, spread: 1 / 12 });
    expect(bars[2]!.exact).toBe(2);
    const total = bars.reduce((s, b) => s + b.exact + b.spread, 0);
    expect(total).toBeCloseTo(3, 10);
  });

  it('brings an entity in with its first dated event, and says when a year-only one is still uncertain', () => {
    const nodes = [
      { id: 'e/year', date: '2024', isEvent: true },
      { id: 'e/may', date: '2024-05', isEvent: true },
      { id: 'e/undated', date: null, isEvent: true },
      { id: 'p/a', date: null, isEvent: false },
      { id: 'p/b', date: null, isEvent: false },
      { id: 'p/never', date: null, isEvent: false },
    ];
    const edges = [
      { source: 'e/may', target: 'p/a' },
      { source: 'e/year', target: 'p/b' },
      { source: 'e/may', target: 'p/b' },
      { source: 'e/undated', target: 'p/never' },
    ];
    const at = appearances(nodes, edges);
    expect(at.get('p/a')).toMatchObject({ first: '2024-05', last: '2024-05' });
    // p/b: possibly from January (the year-only event), surely by May
    expect(at.get('p/b')).toMatchObject({ first: '2024-01', last: '2024-05' });
    expect(at.has('p/never')).toBe(false);
    expect(at.has('e/undated')).toBe(false);

    expect(standing(at.get('p/a'), '2024-04')).toBe('absent');
    expect(standing(at.get('p/a'), '2024-05')).toBe('present');
    expect(standing(at.get('e/year'), '2024-02')).toBe('maybe');
    expect(standing(at.get('e/year'), '2024-12')).toBe('present');
    expect(standing(at.get('p/b'), '2024-05')).toBe('present');
    expect(standing(undefined, '2024-05')).toBe('absent');

    expect(appearedIn(at, '2024-01', null)).toEqual(['e/year', 'p/b']);
    expect(appearedIn(at, '2024-05', '2024-04')).toEqual(['e/may', 'p/a']);
    expect(appearedIn(at, '2024-06', '2024-05')).toEqual([]);
  });
});
