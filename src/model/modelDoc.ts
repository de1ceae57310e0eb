import {
  EVENT_KINDS,
  EVENT_KIND_LIST,
  RELATIONSHIP_TYPE_LIST,
  RELATIONSHIP_TYPES,
  type PropertySpec,
  type RoleSpec,
} from './registry';

const role = (r: RoleSpec) => `${r.role}${r.many ? ' (many)' : ''} → \`${r.field}\`: ${r.labels.join(' / ')}`;

/** `disclosedOn`: PartialDate, `investorsIncomplete`: Boolean — True where…, `mode` (e.g. 打包進). */
const property = (p: PropertySpec) =>
  p.type
    ? `\`${p.name}\`: ${p.type}${p.description ? ` — ${p.description}` : ''}`
    : `\`${p.name}\`${p.description ? ` (${p.description})` : ''}`;

/** The registry as the Markdown tables of docs/model.md (between its registry markers). */
export function modelTables(): string {
  const events = EVENT_KIND_LIST.map((kind) => {
    const spec = EVENT_KINDS[kind];
    const required = spec.roles.filter((r) => r.required).map(role);
    const optional = spec.roles.filter((r) => !r.required).map(role);
    const notes = [
      ...(spec.anyOf ? [`at least one of ${spec.anyOf.join(', ')}`] : []),
      ...(spec.money.length ? [`money: ${spec.money.join(', ')}`] : []),
      ...(spec.impliesMove
        ? [
            `each ${spec.impliesMove.moverRole} moves ${spec.impliesMove.fromRole} → ${spec.impliesMove.toRole} (a TALENT_MOVE with \`via\`)`,
          ]
        : []),
    ];
    return `| ${kind} | \`${spec.label}\` | ${required.join('<br>') || '–'} | ${optional.join('<br>') || '–'} | ${notes.join('; ') || '–'} |`;
  });
  const properties = EVENT_KIND_LIST.map(
    (kind) =>
      `| ${kind} | \`event/${EVENT_KINDS[kind].slug}/…\` | ${EVENT_KINDS[kind].properties.map(property).join('<br>') || '–'} |`,
  );
  const relationships = RELATIONSHIP_TYPE_LIST.map(
    (type) =>
      `| \`${type}\` | ${RELATIONSHIP_TYPES[type].from.join(' / ')} | ${RELATIONSHIP_TYPES[type].to.join(' / ')} |`,
  );
  return [
    '| kind | label | required roles | optional roles | notes |',
    '|---|---|---|---|---|',
    ...events,
    '',
    'Properties of each kind, stored on the event node and all in `attributes`; a typed one is also a field of',
    "the kind's GraphQL type (Money: stored as `<name>Amount` + `<name>Currency`, an input field of `addEvent`):",
    '',
    '| kind | ids | properties |',
    '|---|---|---|',
    ...properties,
    '',
    '| relationship | from | to |',
    '|---|---|---|',
    ...relationships,
  ].join('\n');
}

export const BEGIN = '<!-- registry:begin (generated from src/model/registry.ts by `npm run docs:model`) -->';
export const END = '<!-- registry:end -->';

/** docs/model.md with its generated block replaced. */
export function withModelTables(doc: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/model.md lacks the markers ${BEGIN} … ${END}`);
  return `${doc.slice(0, start + BEGIN.length)}\n${modelTables()}\n${doc.slice(end)}`;
}
