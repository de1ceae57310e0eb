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
}

export interface ContractScan {
  contracts: DeclaredContract[];
  /** loadCypherFile calls without a contract type argument, as `file:line`. */
  untyped: string[];
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Every `loadCypherFile<Contracts>('file', …)` call under `src`, read with the type checker: for
 * each block of the contracts type, the properties of its `params` type.
 */
export function scanContracts(root: string, src: string): ContractScan {
  const callers = tsFiles(src).filter((file) => /loadCypherFile\s*[<(]/.test(readFileSync(file, 'utf8')));
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
            contracts.push({
              file: path.relative(root, file),
              cypherFile,
              block: block.name,
              params: params.map((p) => p.name).sort(),
              optional: params.filter((p) => p.flags & ts.SymbolFlags.Optional).map((p) => p.name),
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
  const code = cypher
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    // String literals may hold a dollar sign that is not a parameter.
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return [...new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))].sort();
}

/** The parameters a block's `// :param name => …` lines set, for Neo4j Browser. */
export function browserParams(cypher: string): string[] {
  return [
    ...new Set([...cypher.matchAll(/^\s*\/\/\s*:param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=>/gm)].map((m) => m[1])),
  ].sort();
}
