import { partialDatePrecision, partialDateUpperBound } from '../../src/model/partialDate';

describe('partial dates', () => {
  it.each([
    ['2024', 'YEAR'],
    ['2024-10', 'MONTH'],
    ['2024-12-05', 'DAY'],
    ['2024-02-29', 'DAY'],
  ])('%s has precision %s', (text, precision) => {
    expect(partialDatePrecision(text)).toBe(precision);
  });

  it.each(['24', '2024-13', '2023-02-29', '2024-1', '2024-10-32', '2024/10', 'Dec 2024', ''])('%j is not a partial date', (text) => {
    expect(partialDatePrecision(text)).toBeUndefined();
  });

  it('an upper bound keeps every date inside the partial date and nothing after it', () => {
    const bound = partialDateUpperBound('2024-05');
    expect('2024-05' <= bound && '2024-05-31' <= bound).toBe(true);
    expect('2024-06' <= bound).toBe(false);
  });
});
