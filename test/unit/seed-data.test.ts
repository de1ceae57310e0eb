/**
 * Integrity checks for the hand-curated seed data in cypher/seed/data/*.json against the source
 * article in cypher/seed/source/. Pure file checks: no Neo4j, no loader.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityRecord, EventRecord, RelationshipRecord, SourceRecord } from '../../src/model/records';
import { nameForms } from '../../src/model/names';
import { partialDatePrecision } from '../../src/model/partialDate';
import { toFactRows } from '../../src/model/factRows';
import { ENTITY_ID_PREFIX, EVENT_KINDS, RELATIONSHIP_TYPES, roleOf } from '../../src/model/registry';
import { EntityLabel, OrganizationCategory } from '../../src/model/vocabulary';
import {
  EXPECTED_ANONYMOUS,
  EXPECTED_ENTITY_LABELS,
  EXPECTED_EVENT_KINDS,
  EXPECTED_RELATIONSHIP_TYPES,
} from '../support/seedExpectations';

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(ROOT, 'cypher/seed');
const ARTICLE_FILE = 'llm-startup-shakeout-2024.zh-Hant.txt';

type Label = `${EntityRecord['label']}`;
/** The seed files always spell out aliases and props, even when empty. */
type SeedEntity = EntityRecord & { aliases: string[] };
type SeedEvent = EventRecord & { props: Record<string, any> };

const readText = (rel: string): string => readFileSync(path.join(SEED, rel), 'utf8');
const readJson = <T>(rel: string): T => JSON.parse(readText(rel)) as T;

const article = readText(path.join('source', ARTICLE_FILE));
const sources = readJson<SourceRecord[]>('data/sources.json');
const entities = readJson<SeedEntity[]>('data/entities.json');
const relationships = readJson<RelationshipRecord[]>('data/relationships.json');
const events = readJson<SeedEvent[]>('data/events.json');

const entityById = new Map(entities.map((e) => [e.id, e]));

// ---------------------------------------------------------------------------------------------
// Vocabulary

// The vocabulary comes from the registry (src/model/registry.ts): these checks hold the seed
// files to the same rules the writer enforces.
const LABELS: readonly Label[] = Object.values(EntityLabel);

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ENTITY_ID = new RegExp(`^(person|org|product|group)/${SLUG}$`);
const EVENT_ID = new RegExp(`^event/(${SLUG})/${SLUG}$`);
const SOURCE_ID = new RegExp(`^source/${SLUG}$`);

const ORG_CATEGORIES = new Set<string>(Object.values(OrganizationCategory));

const MONEY_UNITS = new Set(['CNY', 'USD']);
const CURRENCIES = new Set(['CNY', 'USD']);
const QUALIFIERS = new Set(['MORE_THAN', 'ABOUT', 'LESS_THAN', 'NEARLY', 'UNDER_COUNT']);

// ---------------------------------------------------------------------------------------------
// Helpers

/** A PartialDate string ("2024", "2024-10", "2024-12-05") that is a real calendar date. */
const isValidPartialDate = (value: unknown): boolean =>
  typeof value === 'string' && partialDatePrecision(value) !== undefined;

/** "2024-01-01/2024-12-05", "2024-01/2024-06" or a single PartialDate, start <= end. */
function isValidPeriod(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = value.split('/');
  if (parts.length === 1) return isValidPartialDate(parts[0]);
  if (parts.length !== 2) return false;
  const [start, end] = parts as [string, string];
  return isValidPartialDate(start) && isValidPartialDate(end) && start <= end;
}

/** Every object with an `amount` anywhere below `value`, with its JSON path. */
function moneyObjects(value: unknown, at: string): Array<{ at: string; money: Record<string, unknown> }> {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => moneyObjects(v, `${at}[${i}]`));
  const obj = value as Record<string, unknown>;
  const own = 'amount' in obj ? [{ at, money: obj }] : [];
  return [...own, ...Object.entries(obj).flatMap(([k, v]) => moneyObjects(v, `${at}.${k}`))];
}

const countBy = <T>(items: readonly T[], key: (t: T) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
};

const duplicates = (values: readonly string[]): string[] => values.filter((v, i) => values.indexOf(v) !== i);

const CJK = /[\u3400-\u9fff]/;

/** An entity or event id, as it must never appear in words meant for readers. */
const RAW_ID = /\b(person|org|product|group|event|source)\/[a-z0-9]/;

/**
 * Whether a citation names an entity: one of its name forms (as written, simplified, aliases) is in
 * the text, or the entity is the publisher of the cited source (the article's own voice: its
 * statements and estimates are Tech星球's, which the text never names).
 */
function names(text: string, id: string): boolean {
  const e = entityById.get(id);
  if (!e) return false;
  return (
    nameForms(e.name, e.aliases).some((form) => text.includes(form)) || sources.some((s) => s.publisher === e.name)
  );
}

/**
 * The article's words that give an organization each category (docs/model.md, "Provenance and vagueness"): an
 * organization has a category only when its mention (its `quote`) contains one of them. A name
 * that says what the organization is counts (斯坦福大學, 金沙江創投); a name that only suggests a
 * parent or a trade does not. MEDIA is stated by the source record: the organization publishes it.
 */
const CATEGORY_WORDS: Record<OrganizationCategory, readonly string[]> = {
  AI_STARTUP: ['創業公司', '初創公司', '獨角獸公司'],
  BIG_TECH: ['巨頭', '大廠'],
  CLOUD_PROVIDER: ['雲廠商'],
  VENTURE_INVESTOR: ['投資方', '投資人', '投資機構', '創投'],
  PRIVATE_EQUITY: ['私募股權'],
  RESEARCH_INSTITUTE: ['研究中心', '研究院'],
  UNIVERSITY: ['大學'],
  DATA_PROVIDER: ['數據', '統計'],
  MEDIA: [],
  HANDSET_MAKER: ['手機廠商'],
  E_COMMERCE: ['電子商務'],
  INTERNET_COMPANY: ['平臺巨頭', '互聯網公司'],
};

function categoryStated(e: SeedEntity, category: OrganizationCategory): boolean {
  if (category === OrganizationCategory.MEDIA) return sources.some((s) => s.publisher === e.name);
  return CATEGORY_WORDS[category].some((word) => (e.quote ?? '').includes(word));
}

/** All verbatim spans the data claims come from the article, with where they sit. */
function allQuotes(): Array<{ at: string; text: unknown }> {
  return [
    ...entities.map((e) => ({ at: `${e.id}.quote`, text: e.quote as unknown })),
    ...relationships.map((r) => ({ at: `(${r.from})-[${r.type}]->(${r.to}).quote`, text: r.quote as unknown })),
    ...events.flatMap((e) => [
      ...(Array.isArray(e.quotes) ? e.quotes : [undefined]).map((q, i) => ({
        at: `${e.id}.quotes[${i}]`,
        text: q as unknown,
      })),
      ...(e.kind === 'STATEMENT' ? [{ at: `${e.id}.props.text`, text: e.props['text'] }] : []),
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------

describe('seed data files', () => {
  it.each(['sources.json', 'entities.json', 'relationships.json', 'events.json'])(
    '%s is pretty-printed JSON (2-space indent, trailing newline)',
    (file) => {
      const text = readText(path.join('data', file));
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    },
  );

  it('the article is the file the source record names, and is the traditional-Chinese text', () => {
    expect(sources).toHaveLength(1);
    const [source] = sources;
    expect(source).toEqual({
      id: 'source/techxingqiu-2024-12-llm-shakeout',
      title: '大模型創業“生死局”:融資困難、造血乏力、賣身離場',
      publisher: 'Tech星球',
      date: '2024-12',
      language: 'zh-Hant',
      file: ARTICLE_FILE,
    });
    expect(source!.id).toMatch(SOURCE_ID);
    expect(article.startsWith(source!.title)).toBe(true);
    expect(article).toContain(source!.publisher);
  });
});

describe('verbatim quotes', () => {
  it('every quote, event quote and statement text is an exact substring of the article', () => {
    const bad = allQuotes().filter(
      (q) => typeof q.text !== 'string' || q.text.trim() === '' || !article.includes(q.text),
    );
    expect(bad).toEqual([]);
  });

  it('every event has at least one quote, and no quote twice', () => {
    expect(events.filter((e) => !Array.isArray(e.quotes) || e.quotes.length === 0).map((e) => e.id)).toEqual([]);
    expect(events.filter((e) => duplicates(e.quotes ?? []).length > 0).map((e) => e.id)).toEqual([]);
  });

  it('every entity name is written as in the article', () => {
    expect(entities.filter((e) => !article.includes(e.name)).map((e) => `${e.id}: ${e.name}`)).toEqual([]);
  });

  it('every Chinese alias is another written form found in the article (no derived simplified forms)', () => {
    const bad = entities.flatMap((e) =>
      e.aliases.filter((a) => CJK.test(a) && !article.includes(a)).map((a) => `${e.id}: ${a}`),
    );
    expect(bad).toEqual([]);
  });

  it('every dateNote is the article’s own words', () => {
    const bad = events.filter((e) => e.dateNote !== undefined && !article.includes(e.dateNote)).map((e) => e.id);
    expect(bad).toEqual([]);
  });
});

describe('entities', () => {
  it('ids are unique across entities and events', () => {
    expect(duplicates([...entities.map((e) => e.id), ...events.map((e) => e.id), ...sources.map((s) => s.id)])).toEqual(
      [],
    );
  });

  it('ids are well-formed and their prefix matches the label', () => {
    const bad = entities.filter(
      (e) => !LABELS.includes(e.label) || !ENTITY_ID.test(e.id) || !e.id.startsWith(`${ENTITY_ID_PREFIX[e.label]}/`),
    );
    expect(bad.map((e) => `${e.id} (${e.label})`)).toEqual([]);
  });

  it('have a name, a description, an alias list without the name or duplicates', () => {
    const bad = entities.filter(
      (e) =>
        typeof e.name !== 'string' ||
        e.name.trim() === '' ||
        typeof e.description !== 'string' ||
        e.description.trim() === '' ||
        !Array.isArray(e.aliases) ||
        e.aliases.some((a) => typeof a !== 'string' || a.trim() === '' || a === e.name) ||
        duplicates(e.aliases).length > 0,
    );
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('no two entities share a name or alias (case, spaces and punctuation aside)', () => {
    const norm = (s: string) =>
      s
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s\p{P}\p{S}]/gu, '');
    const owners = new Map<string, Set<string>>();
    for (const e of entities) {
      for (const form of [e.name, ...e.aliases]) {
        const key = norm(form);
        owners.set(key, (owners.get(key) ?? new Set()).add(e.id));
      }
    }
    expect([...owners].filter(([, ids]) => ids.size > 1).map(([key, ids]) => `${key}: ${[...ids].join(', ')}`)).toEqual(
      [],
    );
  });

  it('organizations, and only organizations, have a list of known categories (empty when the article gives none)', () => {
    const bad = entities.filter((e) =>
      e.label === 'Organization'
        ? !Array.isArray(e.categories) ||
          e.categories.some((c) => !ORG_CATEGORIES.has(c)) ||
          duplicates(e.categories).length > 0
        : e.categories !== undefined,
    );
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('anonymous is true-only, on people and groups', () => {
    const bad = entities.filter(
      (e) => e.anonymous !== undefined && (e.anonymous !== true || (e.label !== 'Person' && e.label !== 'Group')),
    );
    expect(bad.map((e) => e.id)).toEqual([]);
    expect(entities.filter((e) => e.anonymous === true)).toHaveLength(EXPECTED_ANONYMOUS);
  });

  it('every anonymous speaker says something', () => {
    const speakers = new Set(
      events
        .filter((e) => e.kind === 'STATEMENT')
        .flatMap((e) => e.participants.filter((p) => p.role === 'speaker').map((p) => p.id)),
    );
    expect(entities.filter((e) => e.anonymous === true && !speakers.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('counts per label match the table', () => {
    const counts = countBy(entities, (e) => e.label);
    expect(counts).toEqual(EXPECTED_ENTITY_LABELS);
  });

  it('no entity is orphaned', () => {
    const used = new Set<string>([
      ...relationships.flatMap((r) => [r.from, r.to]),
      ...events.flatMap((e) => e.participants.map((p) => p.id)),
    ]);
    expect(entities.filter((e) => !used.has(e.id)).map((e) => e.id)).toEqual([]);
  });
});

describe('relationships', () => {
  it('have a known type and endpoints of the right labels that exist', () => {
    const bad = relationships.filter((r) => {
      const rule = RELATIONSHIP_TYPES[r.type];
      const from = entityById.get(r.from);
      const to = entityById.get(r.to);
      return !rule || !from || !to || !rule.from.includes(from.label) || !rule.to.includes(to.label) || r.from === r.to;
    });
    expect(bad.map((r) => `(${r.from})-[${r.type}]->(${r.to})`)).toEqual([]);
  });

  it('are unique on (from, type, to)', () => {
    expect(duplicates(relationships.map((r) => `${r.from}|${r.type}|${r.to}`))).toEqual([]);
  });

  it('PARTNER_AT points at an investor', () => {
    const bad = relationships.filter(
      (r) =>
        r.type === 'PARTNER_AT' &&
        !entityById.get(r.to)?.categories?.some((c) => c === 'VENTURE_INVESTOR' || c === 'PRIVATE_EQUITY'),
    );
    expect(bad).toEqual([]);
  });

  it('since/until are valid partial dates, current is a boolean, roles are non-empty strings', () => {
    const bad = relationships.filter(
      (r) =>
        (r.since !== undefined && !isValidPartialDate(r.since)) ||
        (r.until !== undefined && !isValidPartialDate(r.until)) ||
        (r.since !== undefined && r.until !== undefined && r.since > r.until) ||
        (r.current !== undefined && typeof r.current !== 'boolean') ||
        (r.until !== undefined && r.current === true) ||
        (r.role !== undefined && (typeof r.role !== 'string' || r.role.trim() === '')) ||
        (r.roleEn !== undefined && (typeof r.roleEn !== 'string' || r.roleEn.trim() === '')),
    );
    expect(bad).toEqual([]);
  });

  it('counts per type match the table', () => {
    expect(countBy(relationships, (r) => r.type)).toEqual(EXPECTED_RELATIONSHIP_TYPES);
  });
});

describe('events', () => {
  it('ids are well-formed and carry their kind', () => {
    const bad = events.filter((e) => {
      const m = EVENT_ID.exec(e.id);
      return !m || m[1] !== EVENT_KINDS[e.kind]?.slug;
    });
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('have a one-line summary and a props object', () => {
    const bad = events.filter(
      (e) =>
        typeof e.summary !== 'string' ||
        e.summary.trim() === '' ||
        e.summary.includes('\n') ||
        e.props === null ||
        typeof e.props !== 'object' ||
        Array.isArray(e.props),
    );
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('dates are null or valid partial calendar dates, and a dated event says when in the article’s words', () => {
    const bad = events.filter(
      (e) =>
        (e.date !== null && !isValidPartialDate(e.date)) ||
        (e.date !== null && (typeof e.dateNote !== 'string' || e.dateNote.trim() === '')),
    );
    expect(bad.map((e) => `${e.id}: ${String(e.date)}`)).toEqual([]);
  });

  it('every date-like prop is a valid partial date or period', () => {
    const bad = events.flatMap((e) =>
      Object.entries(e.props)
        .filter(
          ([k, v]) =>
            (k === 'disclosedOn' && !isValidPartialDate(v)) ||
            (k === 'period' && !isValidPeriod(v)) ||
            (k === 'comparedTo' && !isValidPartialDate(v)),
        )
        .map(([k]) => `${e.id}.props.${k}`),
    );
    expect(bad).toEqual([]);
  });

  it('every participant exists, with a role allowed for the kind, once', () => {
    const bad = events.flatMap((e) =>
      e.participants
        .filter((p) => !entityById.has(p.id) || !roleOf(e.kind, p.role))
        .map((p) => `${e.id}: ${p.role} ${p.id}`),
    );
    expect(bad).toEqual([]);
    const dup = events.filter((e) => duplicates(e.participants.map((p) => `${p.role}|${p.id}`)).length > 0);
    expect(dup.map((e) => e.id)).toEqual([]);
  });

  it('each kind has its required roles', () => {
    const bad = events.filter((e) => {
      const spec = EVENT_KINDS[e.kind];
      const roles = new Set(e.participants.map((p) => p.role));
      return (
        spec.roles.some((r) => r.required && !roles.has(r.role)) ||
        (spec.anyOf !== undefined && !spec.anyOf.some((r) => roles.has(r)))
      );
    });
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('every participant has a label its role allows (registry)', () => {
    const bad = events.flatMap((e) =>
      e.participants
        .filter((p) => !roleOf(e.kind, p.role)?.labels.includes(entityById.get(p.id)?.label as EntityLabel))
        .map((p) => `${e.id}: ${p.role} ${p.id}`),
    );
    expect(bad).toEqual([]);
  });

  it('the writer accepts every record (toFactRows applies the registry) and derives one move per Adept joiner', () => {
    const rows = toFactRows({ sources, entities, relationships, events });
    const implied = rows.events.filter((e) => 'via' in e.props);
    expect(implied.map((e) => [e.id, e.participants.map((p) => `${p.props.role}:${p.entity}`)])).toEqual([
      [
        'event/talent-move/amazon-adept--adept-cofounders-and-team',
        ['mover:group/adept-cofounders-and-team', 'from:org/adept', 'to:org/amazon'],
      ],
    ]);
  });

  it('every money object has an amount and an ISO 4217 currency', () => {
    const bad = events.flatMap((e) =>
      moneyObjects(e.props, `${e.id}.props`).filter(
        ({ money }) =>
          typeof money['amount'] !== 'number' || !(money['amount'] > 0) || !CURRENCIES.has(String(money['currency'])),
      ),
    );
    expect(bad.map((b) => b.at)).toEqual([]);
  });

  it('acquisitions state a deal type and keep price and valuation apart', () => {
    const acquisitions = events.filter((e) => e.kind === 'ACQUISITION');
    expect(acquisitions.filter((e) => typeof e.props['dealType'] !== 'string').map((e) => e.id)).toEqual([]);
    const byId = new Map(acquisitions.map((e) => [e.id, e.props]));
    expect(byId.get('event/acquisition/google-character-ai')).toMatchObject({
      valuation: { amount: 2500000000, currency: 'USD' },
    });
    expect(byId.get('event/acquisition/google-character-ai')).not.toHaveProperty('price');
    expect(byId.get('event/acquisition/microsoft-inflection-ai')).toMatchObject({
      price: { amount: 650000000, currency: 'USD' },
    });
    expect(byId.get('event/acquisition/microsoft-inflection-ai')).not.toHaveProperty('valuation');
  });

  it('METRIC events have a metric, a finite value, a unit, a known qualifier, and a currency for money', () => {
    const bad = events
      .filter((e) => e.kind === 'METRIC')
      .filter((e) => {
        const { metric, value, unit, currency, qualifier } = e.props;
        const isMoney = MONEY_UNITS.has(String(unit)) || currency !== undefined;
        return (
          typeof metric !== 'string' ||
          typeof value !== 'number' ||
          !Number.isFinite(value) ||
          typeof unit !== 'string' ||
          (qualifier !== undefined && !QUALIFIERS.has(String(qualifier))) ||
          (isMoney && (!CURRENCIES.has(String(currency)) || (MONEY_UNITS.has(unit) && unit !== currency)))
        );
      });
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('PRICE_CUT has a percent in (0, 100] and an item', () => {
    const bad = events
      .filter((e) => e.kind === 'PRICE_CUT')
      .filter((e) => {
        const percent = e.props['percent'];
        return typeof percent !== 'number' || percent <= 0 || percent > 100 || typeof e.props['item'] !== 'string';
      });
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('STATEMENT text is contained in one of its quotes, so the quote shows who said it', () => {
    const bad = events
      .filter((e) => e.kind === 'STATEMENT')
      .filter((e) => {
        const text = e.props['text'];
        return typeof text !== 'string' || !(e.quotes ?? []).some((q) => q.includes(text));
      });
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('FUNDING_ROUND and TALENT_MOVE props keep the article’s vagueness', () => {
    const funding = events.find((e) => e.id === 'event/funding-round/wave-intelligence-two-rounds');
    expect(funding?.props).toMatchObject({ roundCount: 2, investorsIncomplete: true });
    expect(funding?.date).toBeNull();
    const arbitration = events.find((e) => e.kind === 'ARBITRATION');
    expect(arbitration).toMatchObject({ date: '2024-11', props: { disclosedOn: '2024-12-05' } });
  });

  it('counts per kind match the table', () => {
    expect(countBy(events, (e) => e.kind)).toEqual(EXPECTED_EVENT_KINDS);
  });
});

describe('citations state their facts on their own (docs/model.md, "Provenance and vagueness")', () => {
  it('every entity’s mention names it', () => {
    expect(entities.filter((e) => !names(e.quote ?? '', e.id)).map((e) => `${e.id}: ${e.quote}`)).toEqual([]);
  });

  it('every relationship’s quote names both its ends', () => {
    const bad = relationships.filter((r) => !names(r.quote ?? '', r.from) || !names(r.quote ?? '', r.to));
    expect(bad.map((r) => `(${r.from})-[${r.type}]->(${r.to}): ${r.quote}`)).toEqual([]);
  });

  it('every participant of an event is named in one of its quotes (the quotes together state the event)', () => {
    const bad = events.flatMap((e) =>
      e.participants
        .filter((p) => !(e.quotes ?? []).some((q) => names(q, p.id)))
        .map((p) => `${e.id}: ${p.role} ${p.id}`),
    );
    expect(bad).toEqual([]);
  });

  it('every quote lies within one paragraph (no line breaks)', () => {
    expect(
      allQuotes()
        .filter((q) => typeof q.text === 'string' && q.text.includes('\n'))
        .map((q) => q.at),
    ).toEqual([]);
  });

  it('the check fails when a citation leaves a participant unnamed', () => {
    // 豆包's launch once cited only 從2023年8月上線: neither the product nor its maker.
    expect(names('從2023年8月上線', 'product/doubao')).toBe(false);
    expect(names('從2023年8月上線', 'org/bytedance')).toBe(false);
    expect(names('字节跳动', 'org/bytedance')).toBe(true); // a simplified form counts
    expect(names('粗估來看', 'org/tech-xingqiu')).toBe(true); // the article's own voice
  });
});

describe('nothing the article does not state', () => {
  it('no organization has a category its mention does not state', () => {
    const bad = entities.flatMap((e) =>
      (e.categories ?? [])
        .filter((c) => !categoryStated(e, c as OrganizationCategory))
        .map((c) => `${e.id}: ${c} (${e.quote})`),
    );
    expect(bad).toEqual([]);
  });

  it('an inferred relationship says what it is inferred from, and only an inferred one has a basis', () => {
    const bad = relationships.filter(
      (r) =>
        (r.inferred !== undefined && r.inferred !== true) ||
        (r.inferred === true && (typeof r.inferredBasis !== 'string' || r.inferredBasis.trim() === '')) ||
        (r.inferred !== true && r.inferredBasis !== undefined),
    );
    expect(bad.map((r) => `(${r.from})-[${r.type}]->(${r.to})`)).toEqual([]);
    // The basis is English; the article's words it quotes are the article's.
    const unquoted = relationships.flatMap((r) =>
      (r.inferredBasis?.match(/[\u3400-\u9fff“”「」、,]+/g) ?? []).filter((run) => !article.includes(run)),
    );
    expect(unquoted).toEqual([]);
  });

  it('parent links read from names are marked inferred; the one the article states is not', () => {
    const subsidiaries = relationships.filter((r) => r.type === 'SUBSIDIARY_OF');
    expect(Object.fromEntries(subsidiaries.map((r) => [r.from, r.inferred === true]))).toEqual({
      'org/volcano-engine': false, // 字節跳動旗下的火山引擎
      'org/alibaba-cloud': true,
      'org/baidu-ai-cloud': true,
      'org/tencent-cloud': true,
    });
  });

  it('summaries are words, never raw ids, the writer’s implied moves included', () => {
    const rows = toFactRows({ sources, entities, relationships, events });
    const bad = rows.events
      .filter((e) => RAW_ID.test(String(e.props.summary)))
      .map((e) => `${e.id}: ${String(e.props.summary)}`);
    expect(bad).toEqual([]);
    expect(RAW_ID.test('group/adept-cofounders-and-team moved to org/amazon')).toBe(true);
  });
});
