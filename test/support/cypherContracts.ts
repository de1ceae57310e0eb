import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The contract a store declares for one block: the names of its parameters, and which are optional. */
export interface DeclaredContract {
  /** Where it is declared: `src/store/events.store.ts`. */
  file: string;
  cypherFile: string;
  block: string;
  params: string[];
  optional: string[];
  /**
   * The properties of its row type, sorted: the columns the block must return (none for NoRow);
   * null when the row type names no columns (an index signature such as Row's).
   */
  columns: string[] | null;
}

export interface ContractScan {
  contracts: DeclaredContract[];
  /** loadCypherFile calls without a contract type argument, as `file:line`. */
  untyped: string[];
}

/** Every file below `dir` whose name ends with `extension` (`.ts`, `.cypher`). */
export function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, extension);
    return name.endsWith(extension) ? [full] : [];
  });
}

/**
 * Every `loadCypherFile<Contracts>('file', …)` call under `src`, read with the type checker: for
 * each block of the contracts type, the properties of its `params` type.
 */
export function scanContracts(root: string, src: string): ContractScan {
  const callers = filesUnder(src, '.ts').filter((file) => /loadCypherFile\s*[<(]/.test(readFileSync(file, 'utf8')));
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  const program = ts.createProgram(callers, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const contracts: DeclaredContract[] = [];
  const untyped: string[] = [];
  for (const file of callers) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'loadCypherFile' &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const cypherFile = node.arguments[0].text;
        const where = `${path.relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const typeArgument = node.typeArguments?.[0];
        if (!typeArgument) untyped.push(where);
        else {
          const contractsType = checker.getTypeFromTypeNode(typeArgument);
          for (const block of checker.getPropertiesOfType(contractsType)) {
            const contract = checker.getTypeOfSymbol(block);
            const paramsSymbol = checker.getPropertyOfType(contract, 'params');
            const params = paramsSymbol ? checker.getPropertiesOfType(checker.getTypeOfSymbol(paramsSymbol)) : [];
            const rowSymbol = checker.getPropertyOfType(contract, 'row');
            const row = rowSymbol ? checker.getTypeOfSymbol(rowSymbol) : undefined;
            const indexed = !row || checker.getIndexInfosOfType(row).length > 0;
            contracts.push({
              file: path.relative(root, file),
              cypherFile,
              block: block.name,
              params: params.map((p) => p.name).sort(),
              optional: params.filter((p) => p.flags & ts.SymbolFlags.Optional).map((p) => p.name),
              columns: indexed
                ? null
                : checker
                    .getPropertiesOfType(row)
                    .map((p) => p.name)
                    .sort(),
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { contracts, untyped };
}

/** The `$name`s a block uses, comments left out. */
export function blockParams(cypher: string): string[] {
  return [...new Set([...code(cypher).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))].sort();
}

/** The parameters a block's `// :param name => …` lines set, for Neo4j Browser. */
export function browserParams(cypher: string): string[] {
  return [
    ...new Set([...cypher.matchAll(/^\s*\/\/\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>/gm)].map((m) => m[1])),
  ].sort();
}

/** A block's text without comments, its string literals emptied (they may hold keywords, or a `$` that is not a parameter). */
function code(cypher: string): string {
  return cypher
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
}

/** The text split at `separator` where no bracket of any kind is open. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0) {
      const match = separator.exec(text.slice(i));
      const keyword = match && /^[A-Za-z]/.test(match[0]);
      if (match && match.index === 0 && (!keyword || i === 0 || !/[A-Za-z0-9_.$]/.test(text[i - 1]!))) {
        parts.push(text.slice(start, i));
        start = i + match[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * The columns a block's query returns: the names of its last top-level RETURN (a RETURN inside
 * `CALL { … }`, `COLLECT { … }` or `COUNT { … }` is a subquery's), sorted; none for a block that
 * returns nothing. A column is its alias, or the expression's own text when it has none.
 */
export function returnColumns(cypher: string): string[] {
  const clauses = splitTopLevel(code(cypher), /^RETURN\s/i);
  if (clauses.length < 2) return [];
  const last = clauses[clauses.length - 1]!;
  const [items] = splitTopLevel(last, /^(ORDER\s+BY|SKIP|LIMIT|UNION)\s/i);
  return splitTopLevel(items!.replace(/^\s*DISTINCT\s/i, ''), /^,/)
    .map((part) => {
      const item = part.trim().replace(/;$/, '').trim();
      const alias = /\sAS\s+`?([A-Za-z_][A-Za-z0-9_]*)`?$/i.exec(item);
      return alias ? alias[1]! : item;
    })
    .sort();
}
