import type { EventRecord } from '../../facts/facts';
import { EntityLabel, REQUIRED_ROLES } from '../../model/vocabulary';
import { badUserInput } from '../common/errors';
import type { EntityInput, EventInput } from './facts.input';

const LABEL_OF_PREFIX: Record<string, EntityLabel> = {
  person: EntityLabel.Person,
  org: EntityLabel.Organization,
  product: EntityLabel.Product,
  group: EntityLabel.Group,
};

/** Keys an event's attributes may not use: they are the common fields and the money properties. */
const RESERVED = /^(id|kind|label|date|datePrecision|dateNote|summary|sortKey|participants|sources|attributes|(price|valuation|amount)(Amount|Currency)?)$/;

export function checkEntityInput(input: EntityInput): void {
  const prefix = input.id.split('/')[0]!;
  if (LABEL_OF_PREFIX[prefix] !== input.type) {
    throw badUserInput('id', `an id starting with ${prefix}/ names a ${LABEL_OF_PREFIX[prefix]}, not a ${input.type}`);
  }
  if (input.categories?.length && input.type !== EntityLabel.Organization) {
    throw badUserInput('categories', 'only organizations have categories');
  }
}

/** The event as a fact record, after the checks class-validator cannot express. */
export function toEventRecord(input: EventInput): EventRecord {
  const roles = new Set(input.participants.map((p) => p.role));
  const missing = REQUIRED_ROLES[input.kind].filter((role) => !roles.has(role));
  if (missing.length) throw badUserInput('participants', `a ${input.kind} needs the role(s): ${missing.join(', ')}`);

  const attributes = input.attributes ?? {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!/^[a-z][A-Za-z0-9]{0,63}$/.test(key) || RESERVED.test(key)) {
      throw badUserInput('attributes', `"${key}" is not a usable attribute name`);
    }
    const scalars = Array.isArray(value) ? value : [value];
    if (!scalars.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      throw badUserInput('attributes', `"${key}" must be a string, number, boolean or a list of them`);
    }
  }
  const money = Object.fromEntries(
    (['price', 'valuation', 'amount'] as const).filter((k) => input[k]).map((k) => [k, { amount: input[k]!.amount, currency: input[k]!.currency }]),
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
  };
}
