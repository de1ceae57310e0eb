import {
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { grants, isRole, type Principal } from '../auth/principal';
import { refusalError } from './refusals';

/** The root fields a mutation operation selects, through fragments and inline fragments, in document order. */
function rootFields(document: DocumentNode, set: SelectionSetNode, seen = new Set<string>()): string[] {
  return set.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet, seen);
    const name = selection.name.value;
    if (seen.has(name)) return [];
    seen.add(name);
    const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
    return fragment && fragment.kind === Kind.FRAGMENT_DEFINITION
      ? rootFields(document, fragment.selectionSet, seen)
      : [];
  });
}

/**
 * Authorises every mutation field of an operation before the first one runs (each field's roles
 * are in its `extensions.roles`, src/graphql/schema.ts): a document with one field the caller may
 * not run is refused whole, UNAUTHENTICATED (401) without credentials or FORBIDDEN (403), naming
 * every such field, and nothing is written. Fields skipped by @skip/@include count too: the
 * check does not depend on variables. `__typename` needs nothing.
 */
export function authorizeMutations(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  principal: Principal | null,
): void {
  if (operation.operation !== OperationTypeNode.MUTATION) return;
  const fields = schema.getMutationType()?.getFields() ?? {};
  const names = [...new Set(rootFields(document, operation.selectionSet))].filter((name) => name !== '__typename');
  const needs = names.map((name) => ({
    name,
    roles: ((fields[name]?.extensions as { roles?: unknown[] } | undefined)?.roles ?? []).filter(isRole),
  }));
  if (!principal) {
    if (!needs.length) return;
    throw refusalError(
      'UNAUTHENTICATED',
      `${names.join(', ')} need${names.length > 1 ? '' : 's'} credentials: send "Authorization: Bearer <API key or JWT>"; nothing was written`,
      {
        'WWW-Authenticate': 'Bearer',
      },
    );
  }
  const refused = needs.filter((n) => n.roles.length && !n.roles.some((role) => grants(principal.role, role)));
  if (refused.length) {
    const list = refused.map((n) => `${n.name} needs the ${n.roles.join(' or ')} role`).join(', ');
    throw refusalError(
      'FORBIDDEN',
      `${list}; this credential has ${principal.role}. The document was refused whole: nothing was written`,
    );
  }
}
