import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_DIR } from '../seed/seedData';
import * as vocabulary from '../model/vocabulary';
import { EntityLabel, EventKind } from '../model/vocabulary';

/**
 * The event kinds and their roles as the generator needs them, read from the model rather than
 * copied: the model registry (src/model/registry.ts, EVENT_KINDS) when it is there; until it lands,
 * the vocabulary's EVENT_LABEL / REQUIRED_ROLES / ROLE_FIELDS, with the optional roles of each kind
 * and the labels each role takes learnt from the reviewed seed data. Once the registry is in,
 * `fromVocabulary` can go.
 */
export interface RoleSpec {
  role: string;
  field: string;
  many: boolean;
  required: boolean;
  labels: readonly EntityLabel[];
}

export interface KindSpec {
  kind: EventKind;
  label: string;
  /** The kind's segment of event ids (event/<slug>/…). */
  slug: string;
  roles: readonly RoleSpec[];
  /** At least one of these roles is filled (METRIC: reporter or subject). */
  anyOf?: readonly string[];
}

type Registry = Record<string, { label: string; slug?: string; roles: RoleSpec[]; anyOf?: string[] }>;

function fromRegistry(): Registry | undefined {
  try {
    // A runtime require, so that this compiles before and after the registry exists.
    return (require('../model/registry') as { EVENT_KINDS?: Registry }).EVENT_KINDS;
  } catch {
    return undefined;
  }
}

const kebab = (label: string) => label.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

function fromVocabulary(): Registry {
  const v = vocabulary as unknown as {
    EVENT_LABEL: Record<string, string>;
    REQUIRED_ROLES: Record<string, string[]>;
    ROLE_FIELDS: Record<string, { field: string; many: boolean }>;
  };
  const read = (file: string) => JSON.parse(readFileSync(path.join(SEED_DIR, 'data', file), 'utf8'));
  const entityLabel = new Map<string, EntityLabel>((read('entities.json') as { id: string; label: EntityLabel }[]).map((e) => [e.id, e.label]));
  const rolesOf = new Map<string, Set<string>>();
  const labelsOf = new Map<string, Set<EntityLabel>>();
  for (const event of read('events.json') as { kind: string; participants: { role: string; id: string }[] }[]) {
    for (const p of event.participants) {
      if (!rolesOf.has(event.kind)) rolesOf.set(event.kind, new Set());
      rolesOf.get(event.kind)!.add(p.role);
      if (!labelsOf.has(p.role)) labelsOf.set(p.role, new Set());
      labelsOf.get(p.role)!.add(entityLabel.get(p.id)!);
    }
  }
  return Object.fromEntries(
    Object.entries(v.EVENT_LABEL).map(([kind, label]) => {
      const required = v.REQUIRED_ROLES[kind] ?? [];
      const roles = [...new Set([...required, ...(rolesOf.get(kind) ?? [])])].map((role) => ({
        role,
        ...v.ROLE_FIELDS[role]!,
        required: required.includes(role),
        labels: [...(labelsOf.get(role) ?? [EntityLabel.Organization])],
      }));
      return [kind, { label, roles, anyOf: required.length ? undefined : roles.map((r) => r.role) }];
    }),
  );
}

export function eventKinds(): KindSpec[] {
  const registry = fromRegistry() ?? fromVocabulary();
  return (Object.values(EventKind) as EventKind[]).map((kind) => {
    const spec = registry[kind];
    if (!spec) throw new Error(`the model lists no roles for event kind ${kind}`);
    return { kind, label: spec.label, slug: spec.slug ?? kebab(spec.label), roles: spec.roles, anyOf: spec.anyOf };
  });
}
