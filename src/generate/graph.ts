import { impliedMoves } from '../model/factRows';
import type { EntityRecord, EventRecord, FactSet, RelationshipRecord, SourceRecord } from '../model/records';
import { EntityLabel, EventKind, RelationshipType } from '../model/vocabulary';
import { eventKinds, type KindSpec, type RoleSpec } from './kinds';
import { groupName, organizationName, personName, productName, slug, type GeneratedName } from './names';
import { Prng } from './prng';

/**
 * A deterministic synthetic graph in the project's model, as fact records (FactSet), chunk by chunk
 * so that a million nodes never sit in memory as rows. Same seed and size, same facts.
 *
 * Shape: about 30% entities, 65% events, 5% sources. A few hub organizations take part in tens of
 * thousands of events (HUB_SHARE of all events); other participants follow a power law. Every
 * source has a generated text, and every quote citing it is a sentence of that text.
 */
export const DEFAULT_SEED = 20241205;
/** The source of the real seed data: a database holding it is not ours to overwrite. */
export const REAL_SEED_SOURCE_ID = 'source/techxingqiu-2024-12-llm-shakeout';

const HUB_WEIGHTS = [0.32, 0.24, 0.2, 0.14, 0.1];
/** Share of events with a hub in an organization role: ~125k of 650k events at 1M nodes. */
const HUB_SHARE = 0.19;
const SOURCES_PER_CHUNK = 50;

export interface GraphPlan {
  seed: number;
  nodes: number;
  sources: number;
  persons: number;
  organizations: number;
  products: number;
  groups: number;
  events: number;
}

export function planGraph(nodes: number, seed = DEFAULT_SEED): GraphPlan {
  const sources = Math.max(1, Math.round(nodes * 0.05));
  const events = Math.round(nodes * 0.65);
  const entities = Math.max(HUB_WEIGHTS.length * 4, nodes - sources - events);
  const organizations = Math.max(HUB_WEIGHTS.length * 2, Math.round(entities * 0.3));
  const products = Math.max(1, Math.round(entities * 0.06));
  const groups = Math.max(1, Math.round(entities * 0.02));
  return {
    seed,
    nodes,
    sources,
    events,
    organizations,
    products,
    groups,
    persons: entities - organizations - products - groups,
  };
}

interface Stub extends GeneratedName {
  id: string;
  label: EntityLabel;
  category?: string;
  /** For persons: their organization (for descriptions and WORKS_AT). */
  org?: number;
}

/** Interesting ids for benchmarks and tests, chosen from the generated graph itself. */
export interface Manifest {
  plan: GraphPlan;
  hubs: string[];
  nonHubs: string[];
  people: string[];
  surnames: string[];
  names: string[];
  events: string[];
  /** As stored: the planned facts plus the talent moves their events imply (`impliedMoves` of them). */
  counts: { nodes: Record<string, number>; relationships: Record<string, number>; impliedMoves: number };
}

const DATE_NOTES = ['此前', '早在', '近期', '據悉'];

function partialDate(rng: Prng): { date: string | null; dateNote?: string } {
  const roll = rng.next();
  if (roll < 0.08) return { date: null, dateNote: rng.pick(DATE_NOTES) };
  const year = 2016 + rng.weighted([1, 1, 1, 2, 2, 3, 5, 8, 12, 4]);
  if (roll < 0.25) return { date: String(year), dateNote: `${year}年` };
  const month = rng.between(1, 12);
  const mm = String(month).padStart(2, '0');
  if (roll < 0.55) return { date: `${year}-${mm}`, dateNote: `${year}年${month}月` };
  const day = rng.between(1, 28);
  return { date: `${year}-${mm}-${String(day).padStart(2, '0')}` };
}

const PRICE_UNITS: readonly [string, number][] = [
  ['億美元', 1e8],
  ['億元', 1e8],
  ['萬美元', 1e4],
];

/** Kind-specific properties and the sentence that states the event; other kinds get a plain sentence. */
const KIND_DETAILS: Partial<
  Record<EventKind, (rng: Prng, n: (role: string) => string) => { sentence: string; props: Record<string, unknown> }>
> = {
  ARBITRATION: (rng, n) => ({
    sentence: `${n('claimant')}向${n('respondent')}提起仲裁,涉及${n('company')}`,
    props: { disclosureChannel: rng.pick(['朋友圈', '微博', '公告']), disclosurePostCount: rng.between(1, 3) },
  }),
  ACQUISITION: (rng, n) => {
    const [unit, scale] = rng.pick(PRICE_UNITS);
    const amount = rng.between(1, 500);
    const priced = rng.chance(0.6);
    return {
      sentence: `${n('acquirer')}${priced ? `以${amount}${unit}` : ''}收購${n('target')}`,
      props: {
        dealType: rng.pick(['收購', '收編', '打包收購']),
        ...(priced ? { price: { amount: amount * scale, currency: unit.includes('美元') ? 'USD' : 'CNY' } } : {}),
      },
    };
  },
  LICENSING_DEAL: (rng, n) => ({
    sentence: `${n('licensee')}獲得${n('licensor')}的技術授權${n('joiner') ? `,${n('joiner')}隨之加入` : ''}`,
    props: { dealType: rng.pick(['授權', '非獨家授權']) },
  }),
  TALENT_MOVE: (rng, n) => {
    const [role, roleEn] = rng.pick([
      ['首席科學家', 'chief scientist'],
      ['技術負責人', 'head of engineering'],
      ['產品負責人', 'head of product'],
      ['研究員', 'researcher'],
    ] as const);
    return {
      sentence: `${n('mover')}${n('from') ? `從${n('from')}` : ''}加入${n('to')}擔任${role}`,
      props: { role, roleEn, mode: rng.pick(['加入', '打包進']) },
    };
  },
  FUNDING_ROUND: (rng, n) => {
    const amount = rng.between(1, 100);
    return {
      sentence: `${n('investee')}完成${amount}億元融資,投資方包括${n('investor')}`,
      props: {
        amount: { amount: amount * 1e8, currency: 'CNY' },
        roundCount: rng.between(1, 8),
        investorsIncomplete: rng.chance(0.3),
      },
    };
  },
  PRICE_CUT: (rng, n) => {
    const percent = rng.between(10, 97);
    return {
      sentence: `${n('cutter')}宣布大模型價格下調${percent}%`,
      props: { percent, item: rng.pick(['API調用', '推理服務', '訂閱']) },
    };
  },
  STATEMENT: (rng, n) => {
    const text = rng.pick(['大模型創業進入淘汰賽', '融資環境明顯收緊', '應用落地比參數更重要', '價格戰不可持續']);
    return {
      sentence: `${n('speaker')}表示“${text}”${n('about') ? `,談及${n('about')}` : ''}`,
      props: { text, topic: rng.pick(['融資', '價格', '人才', '應用']) },
    };
  },
  METRIC: (rng, n) => {
    const value = rng.between(1, 900);
    return {
      sentence: `${n('reporter') || n('subject')}的用戶數超${value}萬`,
      props: {
        metric: 'users',
        value: value * 1e4,
        unit: 'users',
        qualifier: rng.pick(['MORE_THAN', 'ABOUT', 'LESS_THAN']),
      },
    };
  },
  PRODUCT_LAUNCH: (rng, n) => ({
    sentence: `${n('maker')}上線了${n('product')}`,
    props: { verb: rng.pick(['上線', '發佈', '開源']) },
  }),
  FOUNDING: (_rng, n) => ({
    sentence: `${n('founder') ? `${n('founder')}創立了` : ''}${n('founded')}${n('founder') ? '' : '成立'}`,
    props: {},
  }),
  MARKET_ENTRY: (rng, n) => ({
    sentence: `${n('entrant')}進軍${rng.pick(['AI搜索', '陪伴應用', '海外市場', '智能硬件'])}`,
    props: { market: rng.pick(['AI search', 'companion apps', 'overseas']) },
  }),
};

/** How many participants a role gets. */
function roleCount(rng: Prng, role: RoleSpec): number {
  if (role.required) return role.many ? rng.weighted([6, 3, 1]) + 1 : 1;
  if (!rng.chance(0.35)) return 0;
  return role.many ? rng.between(1, 2) : 1;
}

export class GraphGenerator {
  readonly plan: GraphPlan;
  private readonly kinds: KindSpec[];
  private readonly stubs: Stub[] = [];
  /** Index ranges of each label in `stubs`; organizations first, hubs at their start. */
  private readonly ranges = new Map<EntityLabel, { start: number; size: number }>();
  private readonly eventCounts: Uint32Array;
  private readonly nodeCounts: Record<string, number> = {};
  private impliedMoves = 0;
  private readonly relCounts: Record<string, number> = {};
  private readonly sampledEvents: string[] = [];
  private labels?: Map<string, EntityLabel>;

  constructor(nodes: number, seed = DEFAULT_SEED) {
    this.plan = planGraph(nodes, seed);
    this.kinds = eventKinds();
    this.makeStubs(new Prng(seed).fork(1));
    this.eventCounts = new Uint32Array(this.stubs.length);
  }

  /** The label of one of the graph's entities (every entity is planned before any fact is made). */
  entityLabel(id: string): EntityLabel | undefined {
    this.labels ??= new Map(this.stubs.map((s) => [s.id, s.label]));
    return this.labels.get(id);
  }

  private addStubs(label: EntityLabel, count: number, make: (i: number) => Omit<Stub, 'id' | 'label'>): void {
    this.ranges.set(label, { start: this.stubs.length, size: count });
    const prefix = label === EntityLabel.Organization ? 'org' : label.toLowerCase();
    for (let i = 0; i < count; i += 1) {
      const stub = make(i);
      this.stubs.push({ ...stub, label, id: `${prefix}/${slug(stub.english)}-${i.toString(36)}` });
    }
  }

  private makeStubs(rng: Prng): void {
    const { organizations, persons, products, groups } = this.plan;
    this.addStubs(EntityLabel.Organization, organizations, (i) => {
      const org = organizationName(rng);
      // Hubs are the big-tech groups of this world.
      return i < HUB_WEIGHTS.length
        ? { name: `${org.name.slice(0, 2)}集團`, english: `${org.english.split(' ')[0]} Group`, category: 'BIG_TECH' }
        : org;
    });
    const orgs = this.ranges.get(EntityLabel.Organization)!;
    this.addStubs(EntityLabel.Person, persons, () => ({
      ...personName(rng),
      org: orgs.start + rng.skewed(orgs.size, 2),
    }));
    this.addStubs(EntityLabel.Product, products, () => {
      const maker = orgs.start + rng.skewed(orgs.size, 2);
      return { ...productName(rng, this.stubs[maker]!), org: maker };
    });
    this.addStubs(EntityLabel.Group, groups, () => {
      const around = orgs.start + rng.skewed(orgs.size, 2);
      return { ...groupName(rng, this.stubs[around]!), org: around };
    });
  }

  private pickEntity(rng: Prng, labels: readonly EntityLabel[]): number {
    const label =
      labels.length === 1
        ? labels[0]!
        : labels[
            rng.weighted(labels.map((l) => (l === EntityLabel.Person || l === EntityLabel.Organization ? 10 : 1)))
          ]!;
    const range = this.ranges.get(label)!;
    const exponent = label === EntityLabel.Organization ? 2 : 1.5;
    // Hubs only come in through HUB_SHARE, so the power law starts after them.
    const skip = label === EntityLabel.Organization ? HUB_WEIGHTS.length : 0;
    return range.start + skip + rng.skewed(range.size - skip, exponent);
  }

  /** The fact records of the whole graph, a few dozen sources (with what they state) at a time. */
  *chunks(): Generator<FactSet> {
    const { sources, events } = this.plan;
    const rng = new Prng(this.plan.seed).fork(2);
    const entities = this.stubs.length;
    for (let first = 0; first < sources; first += SOURCES_PER_CHUNK) {
      const chunk: FactSet = { sources: [], entities: [], relationships: [], events: [] };
      for (let s = first; s < Math.min(sources, first + SOURCES_PER_CHUNK); s += 1) {
        const sourceId = `source/generated/${s.toString(36).padStart(5, '0')}`;
        const sentences: string[] = [];
        // Entities round-robin over sources (mentions spread out); events in contiguous runs.
        for (let e = s; e < entities; e += sources) this.entityFacts(rng, e, sourceId, sentences, chunk);
        const from = Math.floor((s * events) / sources);
        const to = Math.floor(((s + 1) * events) / sources);
        for (let e = from; e < to; e += 1) chunk.events.push(this.event(rng, e, sourceId, sentences));
        const { date } = partialDate(rng);
        const source: SourceRecord = {
          id: sourceId,
          title: `大模型行業觀察(第${s + 1}期)`,
          publisher: rng.pick(['Tech星球', '36氪', '晚點LatePost', '甲子光年']),
          date: date ?? undefined,
          language: 'zh-Hant',
          text: `${sentences.join('。')}。`,
        };
        chunk.sources.push(source);
      }
      this.count(chunk);
      yield chunk;
    }
  }

  private entityFacts(rng: Prng, index: number, sourceId: string, sentences: string[], chunk: FactSet): void {
    const stub = this.stubs[index]!;
    const org = stub.org === undefined ? undefined : this.stubs[stub.org]!;
    const description =
      stub.label === EntityLabel.Person
        ? `${org!.name}${rng.pick(['創始人', '工程師', '合夥人', '研究員', '副總裁'])}`
        : stub.label === EntityLabel.Organization
          ? `${stub.english}`
          : stub.label === EntityLabel.Product
            ? `${org!.name}的產品`
            : `${org!.name}相關的團體`;
    const quote = `${stub.name}(${stub.english}),${description}`;
    sentences.push(quote);
    const record: EntityRecord = {
      id: stub.id,
      label: stub.label,
      name: stub.name,
      aliases: [stub.english],
      description,
      quote,
      sourceId,
      allowSameName: true,
    };
    if (stub.category) record.categories = [stub.category];
    chunk.entities.push(record);
    for (const rel of this.relationshipsOf(rng, index)) {
      const a = this.stubs[rel.from]!;
      const b = this.stubs[rel.to]!;
      const relQuote = `${a.name}${rel.text}${b.name}`;
      sentences.push(relQuote);
      const { from: _f, to: _t, text: _x, ...rest } = rel;
      chunk.relationships.push({ ...rest, from: a.id, to: b.id, quote: relQuote, sourceId });
    }
  }

  /** The stable relationships stated with an entity, from it. */
  private relationshipsOf(
    rng: Prng,
    index: number,
  ): (Omit<RelationshipRecord, 'from' | 'to' | 'quote'> & { from: number; to: number; text: string })[] {
    const stub = this.stubs[index]!;
    const orgs = this.ranges.get(EntityLabel.Organization)!;
    const groups = this.ranges.get(EntityLabel.Group)!;
    const rels: (Omit<RelationshipRecord, 'from' | 'to' | 'quote'> & { from: number; to: number; text: string })[] = [];
    const since = () => String(2010 + rng.int(15));
    if (stub.label === EntityLabel.Person) {
      const type = rng.weighted([2, 10, 1]);
      const t = [RelationshipType.FOUNDED, RelationshipType.WORKS_AT, RelationshipType.PARTNER_AT][type]!;
      const [role, roleEn] = (
        [
          ['創始人', 'founder'],
          ['工程師', 'engineer'],
          ['合夥人', 'partner'],
        ] as const
      )[type]!;
      rels.push({
        type: t,
        from: index,
        to: stub.org!,
        role,
        roleEn,
        since: since(),
        current: rng.chance(0.8),
        text: `加入`,
      });
      if (rng.chance(0.05))
        rels.push({
          type: RelationshipType.MEMBER_OF,
          from: index,
          to: groups.start + rng.int(groups.size),
          text: '是成員之一:',
        });
    } else if (stub.label === EntityLabel.Organization) {
      const hub = orgs.start + rng.weighted(HUB_WEIGHTS);
      if (index - orgs.start >= HUB_WEIGHTS.length && rng.chance(0.04))
        rels.push({ type: RelationshipType.SUBSIDIARY_OF, from: index, to: hub, text: '隸屬於' });
      if (rng.chance(0.5)) {
        const target = this.pickEntity(rng, [EntityLabel.Organization]);
        if (target !== index)
          rels.push({
            type: RelationshipType.INVESTED_IN,
            from: index,
            to: target,
            role: '投資人',
            current: rng.chance(0.85),
            text: '投資了',
          });
      }
    } else if (stub.label === EntityLabel.Product) {
      rels.push({ type: RelationshipType.MAKES, from: stub.org!, to: index, text: '推出' });
    } else if (rng.chance(0.5)) {
      rels.push({ type: RelationshipType.MEMBER_OF, from: stub.org!, to: index, text: '加入' });
    }
    return rels;
  }

  private event(rng: Prng, index: number, sourceId: string, sentences: string[]): EventRecord {
    const spec = this.kinds[rng.weighted(this.kinds.map((k) => KIND_WEIGHTS[k.kind] ?? 1))]!;
    const filled = spec.roles.map((role) => ({ role, ids: [] as number[], count: roleCount(rng, role) }));
    if (spec.anyOf && !filled.some((f) => f.count > 0 && spec.anyOf!.includes(f.role.role))) {
      filled.find((f) => spec.anyOf!.includes(f.role.role))!.count = 1;
    }
    const orgRole = filled.find((f) => f.count > 0 && f.role.labels.includes(EntityLabel.Organization));
    const hub =
      orgRole && rng.chance(HUB_SHARE)
        ? this.ranges.get(EntityLabel.Organization)!.start + rng.weighted(HUB_WEIGHTS)
        : undefined;
    const participants: { role: string; id: string }[] = [];
    const seen = new Set<number>();
    for (const f of filled) {
      for (let i = 0; i < f.count; i += 1) {
        let entity = f === orgRole && i === 0 && hub !== undefined ? hub : this.pickEntity(rng, f.role.labels);
        // One entity once per event (a merge would fold repeats); popular picks collide, so redraw.
        for (let tries = 0; seen.has(entity) && tries < 20; tries += 1) entity = this.pickEntity(rng, f.role.labels);
        if (seen.has(entity)) continue;
        seen.add(entity);
        f.ids.push(entity);
        this.eventCounts[entity]! += 1;
        participants.push({ role: f.role.role, id: this.stubs[entity]!.id });
      }
    }
    const namesOf = (role: string) =>
      (filled.find((f) => f.role.role === role)?.ids ?? []).map((i) => this.stubs[i]!.name).join('、');
    const details = KIND_DETAILS[spec.kind]?.(rng, namesOf) ?? {
      sentence: `${participants.map((p) => namesOf(p.role)).join('與')}相關的${spec.label}事件`,
      props: {},
    };
    const { date, dateNote } = partialDate(rng);
    const sentence = `${dateNote && date ? dateNote : ''}${details.sentence}`;
    sentences.push(sentence);
    const id = `event/${spec.slug}/g${index.toString(36)}`;
    if (index % 997 === 0 && this.sampledEvents.length < 50) this.sampledEvents.push(id);
    const english = filled
      .flatMap((f) => f.ids)
      .slice(0, 3)
      .map((i) => this.stubs[i]!.english)
      .join(', ');
    return {
      id,
      kind: spec.kind,
      date,
      dateNote,
      summary: `${spec.label} (generated) involving ${english}`,
      participants,
      props: details.props,
      quotes: [sentence],
      sourceId,
    };
  }

  private count(chunk: FactSet): void {
    const add = (counts: Record<string, number>, key: string, n = 1) => (counts[key] = (counts[key] ?? 0) + n);
    add(this.nodeCounts, 'Source', chunk.sources.length);
    for (const e of chunk.entities) add(this.nodeCounts, e.label);
    // The writer also stores the talent moves an event implies (src/model/factRows.ts): count them as stored.
    for (const e of chunk.events.flatMap((event) => [event, ...impliedMoves(event)])) {
      add(this.nodeCounts, e.kind);
      add(this.relCounts, 'INVOLVES', e.participants.length);
      add(this.relCounts, 'CITES', e.quotes?.length ?? 0);
    }
    this.impliedMoves += chunk.events.reduce((n, event) => n + impliedMoves(event).length, 0);
    add(this.relCounts, 'MENTIONED_IN', chunk.entities.length);
    for (const r of chunk.relationships) add(this.relCounts, r.type);
    add(this.relCounts, 'RELATIONSHIP_CITED_IN', chunk.relationships.length);
  }

  /** After `chunks()` has run to the end: the ids benchmarks and tests use, and the counts. */
  manifest(): Manifest {
    const rng = new Prng(this.plan.seed).fork(3);
    const orgs = this.ranges.get(EntityLabel.Organization)!;
    const persons = this.ranges.get(EntityLabel.Person)!;
    const hubs = HUB_WEIGHTS.map((_, i) => this.stubs[orgs.start + i]!.id);
    // Non-hubs: organizations of the long tail that still take part in a few events.
    const nonHubs: string[] = [];
    for (let i = Math.floor(orgs.size / 3); i < orgs.size && nonHubs.length < 5; i += 1 + rng.int(50)) {
      const n = this.eventCounts[orgs.start + i]!;
      if (n >= 2 && n <= 50) nonHubs.push(this.stubs[orgs.start + i]!.id);
    }
    const people: string[] = [];
    for (let tries = 0; people.length < 20 && tries < 100_000; tries += 1) {
      const p = persons.start + rng.int(persons.size);
      if (this.eventCounts[p]! >= 1 && !people.includes(this.stubs[p]!.id)) people.push(this.stubs[p]!.id);
    }
    const byId = new Map(this.stubs.slice(persons.start, persons.start + persons.size).map((s) => [s.id, s.name]));
    const names = people.slice(0, 5).map((id) => byId.get(id)!);
    return {
      plan: this.plan,
      hubs,
      nonHubs,
      people,
      surnames: ['陳', '陈', '楊', '杨'],
      names,
      events: this.sampledEvents,
      counts: { nodes: { ...this.nodeCounts }, relationships: { ...this.relCounts }, impliedMoves: this.impliedMoves },
    };
  }
}

/** Kinds as common as they are in the news: many statements, metrics and funding rounds, few arbitrations. */
const KIND_WEIGHTS: Partial<Record<EventKind, number>> = {
  ARBITRATION: 1,
  ACQUISITION: 6,
  LICENSING_DEAL: 3,
  TALENT_MOVE: 14,
  FUNDING_ROUND: 16,
  PRICE_CUT: 4,
  STATEMENT: 22,
  METRIC: 14,
  PRODUCT_LAUNCH: 10,
  FOUNDING: 6,
  MARKET_ENTRY: 4,
};
