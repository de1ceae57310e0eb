import { createHash } from 'node:crypto';
import type { FactSet } from '../../src/model/records';
import { GraphGenerator, planGraph } from '../../src/generate/graph';
import { eventKinds } from '../../src/generate/kinds';
import { Prng } from '../../src/generate/prng';
import { toRecords } from '../../src/generate/records';
import { toFactRows } from '../../src/model/factRows';
import { nameKey } from '../../src/model/names';

function generate(nodes: number, seed?: number): { facts: FactSet; checksum: string; generator: GraphGenerator } {
  const generator = new GraphGenerator(nodes, seed);
  const hash = createHash('sha256');
  const facts: FactSet = { sources: [], entities: [], relationships: [], events: [] };
  for (const chunk of generator.chunks()) {
    hash.update(JSON.stringify(chunk));
    facts.sources.push(...chunk.sources);
    facts.entities.push(...chunk.entities);
    facts.relationships.push(...chunk.relationships);
    facts.events.push(...chunk.events);
  }
  return { facts, checksum: hash.digest('hex'), generator };
}

describe('the synthetic graph generator', () => {
  const { facts, checksum, generator } = generate(5000);

  it('is deterministic: same seed and size, same facts; another seed, other facts', () => {
    expect(generate(5000).checksum).toBe(checksum);
    expect(generate(5000, 7).checksum).not.toBe(checksum);
  });

  it('makes exactly the planned nodes: ~30% entities, 65% events, 5% sources', () => {
    const plan = planGraph(5000);
    expect(facts.sources).toHaveLength(250);
    expect(facts.events).toHaveLength(3250);
    expect(facts.entities).toHaveLength(plan.persons + plan.organizations + plan.products + plan.groups);
    expect(facts.sources.length + facts.events.length + facts.entities.length).toBe(5000);
    // Stored: the planned nodes plus one TALENT_MOVE per licensing-deal joiner (the registry's implied moves).
    const { nodes, impliedMoves } = generator.manifest().counts;
    const joiners = facts.events
      .filter((e) => e.kind === 'LICENSING_DEAL')
      .flatMap((e) => e.participants.filter((p) => p.role === 'joiner')).length;
    expect(impliedMoves).toBe(joiners);
    expect(Object.values(nodes).reduce((a, b) => a + b, 0)).toBe(5000 + joiners);
  });

  it('quotes are verbatim spans of their source texts, and every reference resolves', () => {
    const text = new Map(facts.sources.map((s) => [s.id, s.text!]));
    const ids = new Set(facts.entities.map((e) => e.id));
    for (const e of facts.entities) expect(text.get(e.sourceId!)).toContain(e.quote);
    for (const r of facts.relationships) {
      expect(text.get(r.sourceId!)).toContain(r.quote);
      expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
    }
    for (const e of facts.events) {
      for (const q of e.quotes ?? []) expect(text.get(e.sourceId!)).toContain(q);
      for (const p of e.participants) expect(ids.has(p.id)).toBe(true);
    }
  });

  it('fills the roles the model requires, with the labels it allows', () => {
    const label = new Map(facts.entities.map((e) => [e.id, e.label]));
    for (const spec of eventKinds()) {
      const events = facts.events.filter((e) => e.kind === spec.kind);
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) {
        for (const role of spec.roles.filter((r) => r.required))
          expect(e.participants.some((p) => p.role === role.role)).toBe(true);
        for (const p of e.participants)
          expect(spec.roles.find((r) => r.role === p.role)!.labels).toContain(label.get(p.id));
      }
    }
  });

  it('has partial dates of every precision, undated events, and common surnames in both scripts', () => {
    const shapes = new Set(facts.events.map((e) => (e.date === null ? 'null' : e.date.length)));
    expect([...shapes].sort()).toEqual([10, 4, 7, 'null'].sort());
    const rows = toRecords(toFactRows(facts)).nodes.filter((n) => n.labels.includes('Person'));
    const withChen = rows.filter((n) => (n.props.names as string[]).some((name) => name.startsWith('陳')));
    expect(withChen.length).toBeGreaterThan(rows.length * 0.05);
    expect((withChen[0]!.props.names as string[]).some((name) => name.startsWith('陈'))).toBe(true);
    expect(withChen[0]!.props.key).toBe(nameKey(withChen[0]!.props.name as string));
  });

  it('puts hubs in many more events than the long tail', () => {
    const m = generator.manifest();
    const count = (id: string) => facts.events.filter((e) => e.participants.some((p) => p.id === id)).length;
    expect(count(m.hubs[0]!)).toBeGreaterThan(100);
    expect(count(m.hubs[0]!)).toBeGreaterThan(20 * Math.max(1, count(m.nonHubs[0]!)));
  });

  it('draws the same numbers from the same seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });
});
