import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One import of one file: the file it names (relative to the root) and whether only types cross it. */
export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `import type { A }`, `import { type A, type B }` and `export type { A } from`: erased by the compiler. */
function typeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` runs x
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
}

function typeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly);
}

/** The module specifiers a file names: static imports and re-exports, `import x = require()`, `import()`, `require()`. */
function specifiers(source: ts.SourceFile): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: typeOnlyImport(node) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: typeOnlyExport(node) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push({ specifier: expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      const dynamic = callee.kind === ts.SyntaxKind.ImportKeyword;
      if (dynamic || (ts.isIdentifier(callee) && callee.text === 'require'))
        found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push({ specifier: literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Every import between the .ts files under `root`, as edges between paths relative to it (packages
 * are left out). A relative import that names no file of the tree throws: it would hide an edge.
 */
export function readImportGraph(root: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of tsFiles(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const { specifier, typeOnly } of specifiers(source)) {
      if (!specifier.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), specifier);
      const target = [`${base}.ts`, path.join(base, 'index.ts'), base].find(
        (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
      );
      if (!target) throw new Error(`${path.relative(root, file)}: import "${specifier}" names no file`);
      if (!target.startsWith(root + path.sep)) continue; // outside the tree (package.json, cypher/)
      edges.push({ from: path.relative(root, file), to: path.relative(root, target), typeOnly });
    }
  }
  return edges;
}

/** The module of a file: its top folder, or its own name for a file at the top. */
export function moduleOf(file: string): string {
  const [first, ...rest] = file.split(path.sep);
  return rest.length ? first : first.replace(/\.ts$/, '');
}

/**
 * The imports that break the layering: to a module in a layer above the importer's or beside it
 * (another module of the same layer), and files in no layer. Each is one line naming the file pair.
 */
export function layerViolations(edges: ImportEdge[], layers: readonly (readonly string[])[]): string[] {
  const rank = new Map<string, number>();
  layers.forEach((layer, n) => layer.forEach((module) => rank.set(module, n)));
  const problems = new Set<string>();
  for (const { from, to, typeOnly } of edges) {
    const [a, b] = [moduleOf(from), moduleOf(to)];
    for (const [file, module] of [
      [from, a],
      [to, b],
    ] as const)
      if (!rank.has(module)) problems.add(`${file}: module "${module}" is in no layer of src/layers.ts`);
    if (a === b || !rank.has(a) || !rank.has(b)) continue;
    const how = typeOnly ? 'imports types from' : 'imports';
    if (rank.get(b)! < rank.get(a)!) problems.add(`${from} ${how} ${to}: ${a} is below ${b}`);
    else if (rank.get(b) === rank.get(a)) problems.add(`${from} ${how} ${to}: ${a} and ${b} are peers in one layer`);
  }
  return [...problems];
}

/**
 * The import cycles between files, one per strongly connected component of the graph, each as the
 * shortest cycle through the component's first file (`a.ts → b.ts → a.ts`).
 */
export function importCycles(edges: ImportEdge[]): string[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const components = stronglyConnected([...new Set(edges.flatMap((e) => [e.from, e.to]))], next);
  const cycles: string[] = [];
  for (const component of components) {
    const members = new Set(component);
    const self = component.length === 1 && next.get(component[0])?.includes(component[0]);
    if (component.length === 1 && !self) continue;
    const start = [...component].sort()[0];
    cycles.push(shortestCycle(start, members, next).join(' → '));
  }
  return cycles;
}

/** Tarjan's algorithm, iteratively (no recursion depth to fear). */
function stronglyConnected(nodes: string[], next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; child: number }[] = [{ node: root, child: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++];
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}

/** Breadth-first from `start` back to it, inside one component. */
function shortestCycle(start: string, members: Set<string>, next: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const child of next.get(node) ?? []) {
      if (!members.has(child)) continue;
      if (child === start) {
        const chain: string[] = [];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = previous.get(at))
          chain.unshift(at);
        return [start, ...chain, start];
      }
      if (!previous.has(child)) {
        previous.set(child, node);
        queue.push(child);
      }
    }
  }
  return [start];
}
