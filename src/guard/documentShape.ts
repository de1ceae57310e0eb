import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** What an operation amounts to once every fragment spread is expanded. */
export interface Shape {
  /** Deepest field nesting. */
  depth: number;
  /** Fields (aliases included) after expansion: a lower bound of the operation's cost. */
  fields: number;
  aliases: number;
  directives: number;
}

const EMPTY: Shape = { depth: 0, fields: 0, aliases: 0, directives: 0 };

function spreadsIn(set: SelectionSetNode, into: string[] = []): string[] {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) into.push(selection.name.value);
    else if (selection.selectionSet) spreadsIn(selection.selectionSet, into);
  }
  return into;
}

function shapeOfSet(set: SelectionSetNode | undefined, fragmentShape: (name: string) => Shape): Shape {
  const shape = { ...EMPTY };
  for (const selection of set?.selections ?? []) {
    const own = selection.directives?.length ?? 0;
    let inner: Shape;
    if (selection.kind === Kind.FIELD) {
      const child = shapeOfSet(selection.selectionSet, fragmentShape);
      inner = {
        depth: 1 + child.depth,
        fields: 1 + child.fields,
        aliases: (selection.alias ? 1 : 0) + child.aliases,
        directives: child.directives,
      };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = shapeOfSet(selection.selectionSet, fragmentShape);
    } else {
      inner = fragmentShape(selection.name.value);
    }
    shape.depth = Math.max(shape.depth, inner.depth);
    shape.fields += inner.fields;
    shape.aliases += inner.aliases;
    shape.directives += own + inner.directives;
  }
  return shape;
}

/**
 * The expanded shape of every operation, in time linear in the document: each fragment's shape is
 * computed once, dependencies first, with an explicit stack (a chain of 10,000 fragments must not
 * overflow the call stack), and reused at every spread. Counts may reach Infinity (2^n spreads),
 * which compares correctly. Unknown and cyclic spreads count as empty: other rules report them.
 */
export function operationShapes(document: DocumentNode): Map<OperationDefinitionNode, Shape> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const done = new Map<string, Shape>();
  const lookup = (name: string) => done.get(name) ?? EMPTY;
  const inProgress = new Set<string>();
  for (const root of fragments.keys()) {
    if (done.has(root)) continue;
    const stack: { name: string; pending: string[] }[] = [
      { name: root, pending: spreadsIn(fragments.get(root)!.selectionSet) },
    ];
    inProgress.add(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = top.pending.pop();
      if (next === undefined) {
        done.set(top.name, shapeOfSet(fragments.get(top.name)!.selectionSet, lookup));
        inProgress.delete(top.name);
        stack.pop();
      } else if (fragments.has(next) && !done.has(next) && !inProgress.has(next)) {
        inProgress.add(next);
        stack.push({ name: next, pending: spreadsIn(fragments.get(next)!.selectionSet) });
      }
    }
  }
  const shapes = new Map<OperationDefinitionNode, Shape>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION)
      shapes.set(definition, shapeOfSet(definition.selectionSet, lookup));
  }
  return shapes;
}
