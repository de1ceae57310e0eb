import { partialDatePrecision, partialDateUpperBound } from '../../src/model/partialDate';
import { periodSortKeyRange, tallyPeriod } from '../../src/model/sortKeys';

describe('partial dates', () => {
  it.each([
    ['2024', 'YEAR'],
    ['2024-10', 'MONTH'],
    ['2024-12-05', 'DAY'],
    ['2024-02-29', 'DAY'],
  ])('%s has precision %s', (text, precision) => {
    expect(partialDatePrecision(text)).toBe(precision);
  });

  it.each(['24', '2024-13', '2023-02-29', '2024-1', '2024-10-32', '2024/10', 'Dec 2024', ''])(
    '%j is not a partial date',
    (text) => {
      expect(partialDatePrecision(text)).toBeUndefined();
    },
  );

  it('an upper bound keeps every date inside the partial date and nothing after it', () => {
    const bound = partialDateUpperBound('2024-05');
    expect('2024-05' <= bound && '2024-05-31' <= bound).toBe(true);
    expect('2024-06' <= bound).toBe(false);
  });
});

describe('tally periods (eventStats)', () => {
  it.each([
    ['2024-05-13', '2024-05'],
    ['2024-05', '2024-05'],
    ['2024', '2024'],
    [null, '~'],
  ])('an event dated %j is tallied under %j, never a month the source does not give', (date, period) => {
    expect(tallyPeriod(date)).toBe(period);
  });

  it('a period holds exactly the sortKeys of its events: a month its days, a year only its year-only dates', () => {
    const inside = (period: string, sortKey: string) => {
      const { lower, upper } = periodSortKeyRange(period);
      return sortKey >= lower && sortKey < upper;
    };
    const keys = [
      '2024 event/a/x',
      '2024-05 event/a/x',
      '2024-05-13 event/a/x',
      '2024-06 event/a/x',
      '~ event/a/x',
    ].map((k, n) => k.replace('x', String(n)));
    expect(keys.filter((k) => inside('2024-05', k))).toEqual([keys[1], keys[2]]);
    expect(keys.filter((k) => inside('2024', k))).toEqual([keys[0]]);
    expect(keys.filter((k) => inside('~', k))).toEqual([keys[4]]);
    for (const key of keys) expect(['2024', '2024-05', '2024-06', '~'].filter((p) => inside(p, key))).toHaveLength(1);
  });
});
