import { GraphGenerator } from '../../src/generate/graph';
import { checkedRows } from '../../src/generate/records';
import { BulkPlanner } from '../../src/facts/bulkPlan';
import type { FactSet } from '../../src/model/records';
import { EntityLabel, EventKind, RelationshipType } from '../../src/model/vocabulary';

/**
 * The generator's bulk loaders write through the writer's rules (src/facts/bulkPlan.ts): the same
 * refusals as writeFacts, answered from the load instead of the store.
 */
const SOURCE = { id: 'source/a', title: 'A', text: '甲公司收購了乙公司。張三是甲公司的工程師。' };
const known = new Map<string, string>([
  ['org/a', EntityLabel.Organization],
  ['org/b', EntityLabel.Organization],
  ['person/zhang', EntityLabel.Person],
]);
const planner = () => new BulkPlanner((id) => known.get(id));
const set = (part: Partial<FactSet>): FactSet => ({
  sources: [SOURCE],
  entities: [],
  relationships: [],
  events: [],
  ...part,
});
const acquisition = {
  id: 'event/acquisition/a-b',
  kind: EventKind.ACQUISITION,
  date: '2024',
  summary: '甲公司收購了乙公司',
  quotes: ['甲公司收購了乙公司'],
  sourceId: SOURCE.id,
  participants: [
    { role: 'acquirer', id: 'org/a' },
    { role: 'target', id: 'org/b' },
  ],
};

describe('the writer’s bulk rules', () => {
  it('pass the whole generated graph, every set of it', () => {
    const generator = new GraphGenerator(3000);
    let sets = 0;
    let events = 0;
    for (const rows of checkedRows(generator)) {
      sets += 1;
      events += rows.events.length;
    }
    expect(sets).toBeGreaterThan(1);
    expect(events).toBeGreaterThan(1000);
  });

  it('accept a set whose references resolve within the load and whose quotes are verbatim', () => {
    const { rows, plan } = planner().plan(set({ events: [acquisition] }));
    expect(rows.events.map((e) => e.id)).toEqual([acquisition.id]);
    expect(plan.results.map((r) => r.outcome)).toEqual(['CREATED', 'CREATED']);
  });

  it('refuse what writeFacts refuses, naming the record', () => {
    const refusal = (part: Partial<FactSet>) => {
      try {
        planner().plan(set(part));
        return 'accepted';
      } catch (error) {
        return `${(error as { path?: string }).path ?? ''}: ${(error as Error).message}`;
      }
    };
    expect(refusal({ events: [{ ...acquisition, quotes: ['甲公司買下了乙公司'] }] })).toMatch(
      /^events\.0\.quotes\.0: .*not a verbatim span/,
    );
    expect(
      refusal({
        events: [
          { ...acquisition, participants: [{ role: 'acquirer', id: 'org/nowhere' }, acquisition.participants[1]!] },
        ],
      }),
    ).toMatch(/unknown entity id: org\/nowhere/);
    expect(
      refusal({
        events: [
          { ...acquisition, participants: [{ role: 'acquirer', id: 'person/zhang' }, acquisition.participants[1]!] },
        ],
      }),
    ).toMatch(/a Person cannot be the acquirer of a ACQUISITION/);
    expect(
      refusal({
        relationships: [
          {
            type: RelationshipType.WORKS_AT,
            from: 'org/a',
            to: 'person/zhang',
            quote: '張三是甲公司的工程師',
            sourceId: SOURCE.id,
          },
        ],
      }),
    ).toMatch(/WORKS_AT starts at Person, not a Organization/);
    expect(refusal({ events: [{ ...acquisition, sourceId: 'source/elsewhere' }] })).toMatch(/unknown source id/);
  });

  it('refuse a second entity of a name unless it allows one, across sets', () => {
    const p = planner();
    const entity = (id: string, allowSameName: boolean) => ({
      id,
      label: EntityLabel.Organization,
      name: '甲公司',
      quote: '甲公司收購了乙公司',
      sourceId: SOURCE.id,
      allowSameName,
    });
    p.plan(set({ entities: [entity('org/first', false)] }));
    expect(() =>
      p.plan(
        set({
          sources: [{ ...SOURCE, id: 'source/b' }],
          entities: [{ ...entity('org/second', false), sourceId: 'source/b' }],
        }),
      ),
    ).toThrow(/has the name of org\/first/);
    expect(() =>
      p.plan(
        set({
          sources: [{ ...SOURCE, id: 'source/c' }],
          entities: [{ ...entity('org/third', true), sourceId: 'source/c' }],
        }),
      ),
    ).not.toThrow();
  });
});
