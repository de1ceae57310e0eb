import type { EventRecord } from '../../model/records';
import { InvalidInput } from '../../errors';
import { EVENT_KINDS } from '../../model/registry';
import { COMMON_KEYS } from '../event/event.mapper';
import type { EventInput } from './facts.input';

/** Keys an event's attributes may not use: the common fields (bookkeeping included) and the money properties. */
const RESERVED = new Set([
  ...COMMON_KEYS,
  'attributes',
  ...Object.values(EVENT_KINDS).flatMap((k) => k.money.flatMap((m) => [m, `${m}Amount`, `${m}Currency`])),
]);

/** The event as a fact record, after the checks class-validator cannot express (roles: the writer, by the registry). */
export function toEventRecord(input: EventInput): EventRecord {
  const attributes = input.attributes ?? {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!/^[a-z][A-Za-z0-9]{0,63}$/.test(key) || RESERVED.has(key)) {
      throw new InvalidInput(`input.attributes.${key}`, `"${key}" is not a usable attribute name`);
    }
    const scalars = Array.isArray(value) ? value : [value];
    if (!scalars.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      throw new InvalidInput(`input.attributes.${key}`, 'must be a string, number, boolean or a list of them');
    }
  }
  const money = Object.fromEntries(
    (['price', 'valuation', 'amount'] as const)
      .filter((k) => input[k])
      .map((k) => [k, { amount: input[k]!.amount, currency: input[k]!.currency }]),
  );
  return {
    id: input.id,
    kind: input.kind,
    date: input.date ?? null,
    dateNote: input.dateNote,
    summary: input.summary,
    participants: input.participants.map((p) => ({ role: p.role, id: p.entity })),
    props: { ...attributes, ...money },
    quotes: input.quotes,
    sourceId: input.sourceId,
    citations: input.citations?.map((c) => ({ sourceId: c.sourceId, quote: c.quote })),
    allowSimilar: input.allowSimilar,
  };
}
