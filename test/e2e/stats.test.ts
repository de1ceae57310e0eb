import { toFactRows } from '../../src/model/factRows';
import { nameKey } from '../../src/model/names';
import { partialDateUpperBound } from '../../src/model/partialDate';
import { EVENT_KIND_LIST } from '../../src/model/registry';
import { readSeedData } from '../../src/seed/seedData';
import { statsStore } from '../../src/store/stats.store';
import { bearer, startTestApp, TEST_KEYS } from '../support/app';
import { postGraphQL } from '../support/process';
import { EXPECTED_GRAPH_EVENT_KINDS } from '../support/seedExpectations';

/**
 * eventStats over HTTP: the seeded graph's counts, computed here from the seed files (the events as
 * the writer stores them, implied moves included), and the tallies following adds, updates and
 * retractions through the API.
 */
describe('eventStats', () => {
  let api: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    // Many writes in a few seconds, 12 of them at once: the per-key rate limit (tested in trust.test.ts) is off here.
    api = await startTestApp({ RATE_LIMIT_PRINCIPAL_PER_SECOND: 0 });
  });

  const tag = `test-stats-${process.pid}`;
  const sourceId = `source/${tag}`;
  const personId = `person/${tag}-mover`;
  const orgA = `org/${tag}-a`;
  const orgB = `org/${tag}-b`;
  const eventId = `event/talent-move/${tag}-move`;
  // A year no other test writes in, so the counts below are this file's alone.
  const YEAR = '1901';

  afterAll(async () => {
    // Only what this file wrote: its facts (retracted ones included), their revisions and tallies, its names.
    await api.graph.driver.executeQuery(
      `MATCH (n) WHERE n.id STARTS WITH $source OR n.id STARTS WITH $person OR n.id STARTS WITH $org OR n.id STARTS WITH $event
         OR n.id STARTS WITH $periodTally OR n.id STARTS WITH $moveTally
       DETACH DELETE n
       WITH count(*) AS done
       MATCH (r:Revision) WHERE r.targetId CONTAINS $tag DELETE r
       WITH count(*) AS done
       MATCH (k:Name) WHERE k.key CONTAINS $key AND NOT (k)<-[:NAMED]-() DELETE k`,
      {
        source: sourceId,
        person: `person/${tag}`,
        org: `org/${tag}`,
        event: `event/talent-move/${tag}`,
        periodTally: `tally/events/TALENT_MOVE/${YEAR}`,
        moveTally: `tally/movesTo/org/${tag}`,
        tag,
        key: nameKey(tag),
      },
    );
    await api.close();
  });

  const ok = async (query: string, variables?: Record<string, unknown>, headers = bearer(TEST_KEYS.admin)) => {
    const { body } = await postGraphQL(api.url, query, variables, headers);
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  // ---- what the seed files say -------------------------------------------------------------

  const seeded = toFactRows(readSeedData()).events.map((e) => ({
    kind: e.props.kind,
    date: e.props.date,
    to: e.participants.filter((p) => p.props.role === 'to').map((p) => p.entity),
  }));
  const countBy = <T>(items: T[], key: (item: T) => string | null) => {
    const counts = new Map<string, number>();
    for (const item of items) {
      const k = key(item);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  /** The periods as the API answers them, in period order. */
  const periodsOf = (counts: Map<string, number>) =>
    [...counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([period, count]) => ({ period, precision: period.length === 4 ? 'YEAR' : 'MONTH', count }));
  /** `events`' date range: inclusive partial dates compared as strings, undated events out of any range. */
  const inRange = (date: string | null, from?: string, to?: string) =>
    from === undefined && to === undefined
      ? true
      : date !== null && (from === undefined || date >= from) && (to === undefined || date < partialDateUpperBound(to));

  const PERIODS = '{ total undated periods { period precision count } }';

  it('counts the seeded events of every kind, zeros included, in the registry’s order', async () => {
    const { eventStats } = await ok('{ eventStats { byKind { kind count } } }');
    const fromFiles = countBy(seeded, (e) => e.kind);
    expect(eventStats.byKind).toEqual(EVENT_KIND_LIST.map((kind) => ({ kind, count: fromFiles.get(kind) ?? 0 })));
    expect(eventStats.byKind).toEqual(
      EVENT_KIND_LIST.map((kind) => ({ kind, count: EXPECTED_GRAPH_EVENT_KINDS[kind] })),
    );
  });

  it('counts by month, the year-only events in their own year bucket and the undated apart', async () => {
    const { eventStats } = await ok(`{ eventStats { byPeriod ${PERIODS} } }`);
    expect(eventStats.byPeriod).toEqual({
      total: seeded.length,
      undated: seeded.filter((e) => !e.date).length,
      periods: periodsOf(countBy(seeded, (e) => e.date?.slice(0, 7) ?? null)),
    });
    // The article dates 12 events only to 2024: they stay a "2024" bucket, not a made-up month.
    expect(eventStats.byPeriod.periods).toContainEqual({ period: '2024', precision: 'YEAR', count: 12 });
  });

  it('counts by year', async () => {
    const { eventStats } = await ok(`{ eventStats { byPeriod(by: YEAR) ${PERIODS} } }`);
    expect(eventStats.byPeriod).toEqual({
      total: seeded.length,
      undated: seeded.filter((e) => !e.date).length,
      periods: periodsOf(countBy(seeded, (e) => e.date?.slice(0, 4) ?? null)),
    });
  });

  it.each([
    [['STATEMENT', 'METRIC'], '2024-05', '2024-10'],
    [['TALENT_MOVE', 'LICENSING_DEAL', 'ACQUISITION'], undefined, '2024-06'],
    [undefined, '2024-03', undefined],
    [undefined, '2024', '2024'],
  ])(
    'filters by kinds %j and dates %s..%s like events does (a range excludes the undated)',
    async (kinds, from, to) => {
      const { eventStats } = await ok(
        'query($kinds: [EventKind!], $from: PartialDate, $to: PartialDate) { eventStats { byPeriod(kinds: $kinds, from: $from, to: $to) ' +
          PERIODS +
          ' byKind(from: $from, to: $to) { kind count } } }',
        { kinds, from, to },
      );
      const chosen = seeded.filter((e) => (!kinds || kinds.includes(e.kind)) && inRange(e.date, from, to));
      expect(chosen.length).toBeGreaterThan(0);
      expect(eventStats.byPeriod).toEqual({
        total: chosen.length,
        undated: 0,
        periods: periodsOf(countBy(chosen, (e) => e.date!.slice(0, 7))),
      });
      const byKind = countBy(
        seeded.filter((e) => inRange(e.date, from, to)),
        (e) => e.kind,
      );
      expect(eventStats.byKind).toEqual(EVENT_KIND_LIST.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })));
      // The same events as the events connection finds.
      const { events } = await ok(
        'query($kinds: [EventKind!], $from: PartialDate, $to: PartialDate) { events(kinds: $kinds, from: $from, to: $to) { totalCount } }',
        { kinds, from, to },
      );
      expect(events.totalCount).toBe(chosen.length);
    },
  );

  it('ranks the talent moves’ destinations, highest first, ties by id, with the organization resolved', async () => {
    const { eventStats } = await ok(
      '{ eventStats { movesByDestination { moves organization { __typename id name } } } }',
    );
    const counts = countBy(
      seeded.flatMap((e) => e.to),
      (id) => id,
    );
    const expected = [...counts.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([id, moves]) => ({ id, moves }));
    expect(eventStats.movesByDestination.map((d: any) => ({ id: d.organization.id, moves: d.moves }))).toEqual(
      expected,
    );
    expect(eventStats.movesByDestination.slice(0, 3)).toEqual([
      { moves: 2, organization: { __typename: 'Organization', id: 'org/bytedance', name: '字節跳動' } },
      { moves: 1, organization: { __typename: 'Organization', id: 'org/amazon', name: '亞馬遜' } },
      { moves: 1, organization: { __typename: 'Organization', id: 'org/oppo', name: 'OPPO' } },
    ]);
    const { eventStats: top1 } = await ok(
      '{ eventStats { movesByDestination(limit: 1) { moves organization { id } } } }',
    );
    expect(top1.movesByDestination).toEqual([{ moves: 2, organization: { id: 'org/bytedance' } }]);
  });

  it.each([
    ['{ eventStats { movesByDestination(limit: 101) { moves } } }', 'limit'],
    ['{ eventStats { movesByDestination(limit: 0) { moves } } }', 'limit'],
    ['{ eventStats { byPeriod(from: "2024-05-13") { total } } }', 'from'],
    ['{ eventStats { byKind(to: "2024-05-13") { count } } }', 'to'],
    ['{ eventStats { byPeriod(to: "2024-13") { total } } }', 'to'],
  ])('%s is BAD_USER_INPUT naming %s', async (query, argument) => {
    const { body } = await postGraphQL(api.url, query);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  // ---- the writer keeps the tallies --------------------------------------------------------

  const editor = bearer(TEST_KEYS.editor);
  const text = `A test note: Wang Wu moved to Stats Org A in February ${YEAR}, or was it Stats Org B.`;
  const move = (overrides: Record<string, unknown> = {}) => ({
    id: eventId,
    kind: 'TALENT_MOVE',
    date: `${YEAR}-02`,
    summary: 'Wang Wu moved',
    participants: [
      { role: 'mover', entity: personId },
      { role: 'to', entity: orgA },
    ],
    sourceId,
    quotes: ['Wang Wu moved to Stats Org A'],
    ...overrides,
  });
  const stats = async () =>
    (
      await ok(`{ eventStats {
        byKind { kind count }
        month: byPeriod(kinds: [TALENT_MOVE], from: "${YEAR}", to: "${YEAR}") ${PERIODS}
        year: byPeriod(by: YEAR, kinds: [TALENT_MOVE], from: "${YEAR}", to: "${YEAR}") ${PERIODS}
        all: byPeriod ${PERIODS}
        movesByDestination(limit: 100) { moves organization { id } } } }`)
    ).eventStats;
  const talentMoves = (s: any) => s.byKind.find((k: any) => k.kind === 'TALENT_MOVE').count;
  const movesTo = (s: any, id: string) => s.movesByDestination.find((d: any) => d.organization.id === id)?.moves ?? 0;
  const none = { total: 0, undated: 0, periods: [] };

  it('follows an event through add, a new date, a new destination and retraction', async () => {
    await ok('mutation($input: SourceInput!) { addSource(input: $input) { source { id } } }', {
      input: { id: sourceId, title: 'A stats test note', text },
    });
    const entity = 'mutation($input: EntityInput!) { addEntity(input: $input) { entity { id } } }';
    await ok(
      entity,
      { input: { id: personId, type: 'Person', name: `Wang Wu ${tag}`, citation: { sourceId, quote: 'Wang Wu' } } },
      editor,
    );
    await ok(
      entity,
      {
        input: {
          id: orgA,
          type: 'Organization',
          name: `Stats Org A ${tag}`,
          citation: { sourceId, quote: 'Stats Org A' },
        },
      },
      editor,
    );
    await ok(
      entity,
      {
        input: {
          id: orgB,
          type: 'Organization',
          name: `Stats Org B ${tag}`,
          citation: { sourceId, quote: 'Stats Org B' },
        },
      },
      editor,
    );
    const before = await stats();
    expect(before.month).toEqual(none);
    expect(movesTo(before, orgA)).toBe(0);

    // Added: counted in its month, its kind and its destination.
    await ok('mutation($input: EventInput!) { addEvent(input: $input) { event { id } } }', { input: move() }, editor);
    const added = await stats();
    expect(added.month).toEqual({
      total: 1,
      undated: 0,
      periods: [{ period: `${YEAR}-02`, precision: 'MONTH', count: 1 }],
    });
    expect(added.year).toEqual({ total: 1, undated: 0, periods: [{ period: YEAR, precision: 'YEAR', count: 1 }] });
    expect(talentMoves(added)).toBe(talentMoves(before) + 1);
    expect(added.all.total).toBe(before.all.total + 1);
    expect(movesTo(added, orgA)).toBe(1);

    // The date now known only to the year: out of February, into the year's own bucket.
    const update =
      'mutation($input: EventInput!, $reason: String!) { updateEvent(input: $input, reason: $reason) { event { id date } } }';
    await ok(update, { input: move({ date: YEAR }), reason: 'the note gives only the year' }, editor);
    const redated = await stats();
    expect(redated.month).toEqual({ total: 1, undated: 0, periods: [{ period: YEAR, precision: 'YEAR', count: 1 }] });
    expect(redated.year).toEqual(added.year);
    expect(talentMoves(redated)).toBe(talentMoves(added));

    // Undated, and to another organization: out of the year and of A, into the undated and B.
    await ok(
      update,
      {
        input: move({
          date: null,
          participants: [
            { role: 'mover', entity: personId },
            { role: 'to', entity: orgB },
          ],
        }),
        reason: 'or was it B',
      },
      editor,
    );
    const moved = await stats();
    expect(moved.month).toEqual(none);
    expect(moved.all.undated).toBe(before.all.undated + 1);
    expect(movesTo(moved, orgA)).toBe(0);
    expect(movesTo(moved, orgB)).toBe(1);
    expect(moved.movesByDestination.some((d: any) => d.organization.id === orgA)).toBe(false);

    // Retracted: every count as before the add.
    expect(await ok('mutation($ids: [ID!]!) { retract(ids: $ids, reason: "a test") }', { ids: [eventId] })).toEqual({
      retract: [eventId],
    });
    const retracted = await stats();
    expect(retracted).toEqual(before);
  });

  it('counts every one of ten concurrent writers of one month that share no participant', async () => {
    const entity = 'mutation($input: EntityInput!) { addEntity(input: $input) { entity { id } } }';
    const ids = Array.from({ length: 10 }, (_, n) => ({
      mover: `${personId}-${n}`,
      to: `${orgA}-many-${n}`,
      event: `${eventId}-many-${n}`,
    }));
    for (const [n, { mover, to }] of ids.entries()) {
      await ok(
        entity,
        { input: { id: mover, type: 'Person', name: `Mover ${n} ${tag}`, citation: { sourceId, quote: 'Wang Wu' } } },
        editor,
      );
      await ok(
        entity,
        {
          input: {
            id: to,
            type: 'Organization',
            name: `Org ${n} ${tag}`,
            citation: { sourceId, quote: 'Stats Org A' },
          },
        },
        editor,
      );
    }
    const before = await stats();
    await Promise.all(
      ids.map(({ mover, to, event }) =>
        ok(
          'mutation($input: EventInput!) { addEvent(input: $input) { event { id } } }',
          {
            input: move({
              id: event,
              date: `${YEAR}-03`,
              participants: [
                { role: 'mover', entity: mover },
                { role: 'to', entity: to },
              ],
            }),
          },
          editor,
        ),
      ),
    );
    const after = await stats();
    expect(after.month.periods.find((p: any) => p.period === `${YEAR}-03`)).toEqual({
      period: `${YEAR}-03`,
      precision: 'MONTH',
      count: 10,
    });
    expect(talentMoves(after)).toBe(talentMoves(before) + 10);
    for (const { to } of ids) expect({ to, moves: movesTo(after, to) }).toEqual({ to, moves: 1 });
    await ok('mutation($ids: [ID!]!) { retract(ids: $ids, reason: "a test") }', { ids: ids.map((i) => i.event) });
    expect(await stats()).toEqual(before);
  });

  it('keeps the counts a whole-graph recompute finds (the writer’s tallies do not drift)', async () => {
    const kept = await stats();
    expect(await statsStore.recomputeAllTallies(api.graph.db)).toBeGreaterThan(EVENT_KIND_LIST.length);
    expect(await stats()).toEqual(kept);
  });

  it('counts a retracted destination down to nothing', async () => {
    await ok(
      'mutation($input: EventInput!) { addEvent(input: $input) { event { id } } }',
      { input: move({ id: `${eventId}-2` }) },
      editor,
    );
    expect(movesTo(await stats(), orgA)).toBe(1);
    await ok('mutation($ids: [ID!]!) { retract(ids: $ids, reason: "a test") }', { ids: [orgA] });
    const after = await stats();
    expect(movesTo(after, orgA)).toBe(0);
    expect(after.month).toEqual({
      total: 1,
      undated: 0,
      periods: [{ period: `${YEAR}-02`, precision: 'MONTH', count: 1 }],
    });
  });
});
