import { MIN_REQUESTS, verdict } from '../../bench/scale/verdict';
import type { Row } from '../../bench/timing';

const row = (name: string, apiHigh: number, n = MIN_REQUESTS): Row => ({
  name,
  driverP50: 1,
  apiP50: 2,
  ratio: 2,
  driverHigh: 3,
  apiHigh,
  n,
});

describe("the scale bench's verdict (issue 20, part 5)", () => {
  it('is clean when every case has 50 requests and the load stayed at or under the cores', () => {
    const v = verdict([row('a', 40), row('b', 120)], { min: 0.5, max: 2 }, [], 2);
    expect(v.clean).toBe(true);
    expect(v.over.map((r) => r.name)).toEqual(['b']);
    expect(v.lines[1]).toMatch(/^run: CLEAN/);
  });

  it('is not clean above the core count, with too few requests, or with a failed case, and says why', () => {
    const v = verdict([row('a', 40, 20)], { min: 1, max: 5.5 }, ['c TIMEOUT'], 2);
    expect(v.clean).toBe(false);
    expect(v.reasons).toEqual([
      '1 case(s) failed: c TIMEOUT',
      'the 1-minute load average reached 5.5, above the 2 cores',
      '1 case(s) timed in fewer than 50 requests: a',
    ]);
    expect(v.lines[1]).toMatch(/^run: NOT CLEAN — 1 case\(s\) failed/);
  });
});
