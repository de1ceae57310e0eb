import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields named `name` directly under `sets` (through inline fragments and fragment spreads).
 * Directives (@include/@skip) are not evaluated: a field that might be asked for counts as asked.
 */
function fieldsNamed(
  info: GraphQLResolveInfo,
  sets: readonly (SelectionSetNode | undefined)[],
  name: string,
): FieldNode[] {
  const seen = new Set<string>();
  const found: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === name) found.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        visit(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return found;
}

/**
 * Whether the operation selects `path` under the current field (`totalCount`, or
 * `pageInfo.hasPreviousPage`), so a resolver can skip work nobody asked for.
 */
export function selectsField(info: GraphQLResolveInfo, ...path: string[]): boolean {
  let fields: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    fields = fieldsNamed(
      info,
      fields.map((f) => f.selectionSet),
      name,
    );
    if (!fields.length) return false;
  }
  return true;
}
