import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { EntityLabel } from '../../src/model/labels';
import type * as Registry from '../../src/model/registry';
import { repoPath } from '../../src/paths';

/** The entry docs/model.md's "Adding an event kind" tells to paste into the registry (its first ```ts block). */
export function docsKindBlock(): string {
  const doc = readFileSync(repoPath('docs', 'model.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Adding an event kind'));
  const block = /```ts\n([\s\S]*?)\n\s*```/.exec(section)?.[1];
  if (!block) throw new Error('docs/model.md, "Adding an event kind": no ```ts block');
  return block;
}

/**
 * The registry module as step 1 of the walk-through leaves it: its entries with the docs' block
 * added (evaluated with what registry.ts has in scope: role, property, attribute and the labels),
 * and every view derived again by the registry's own deriveKinds. For jest.mock of the registry.
 */
export function registryWithDocsKind(real: typeof Registry): typeof Registry {
  const scope = { role: real.role, property: real.property, attribute: real.attribute, ...EntityLabel };
  // structuredClone: plain objects and arrays of this realm, not of the vm's
  const added = structuredClone(vm.runInNewContext(`({\n${docsKindBlock()}\n})`, scope)) as Record<
    string,
    Registry.EventKindEntry
  >;
  const entries = { ...real.EVENT_KIND_ENTRIES, ...added };
  return { ...real, EVENT_KIND_ENTRIES: entries, ...real.deriveKinds(entries) };
}
