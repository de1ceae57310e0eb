import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { readExamples } from '../../src/http/examples';
import { repoPath } from '../../src/paths';

/** An operation a user copies: from schema/examples.graphql or a ```graphql block of the README. */
export interface DocumentedOperation {
  origin: 'examples' | 'README';
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  text: string;
}

function operationOf(text: string, origin: DocumentedOperation['origin']): DocumentedOperation[] {
  return parse(text).definitions.map((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION) throw new Error(`${origin}: only operations, got ${d.kind}`);
    const operation = d as OperationDefinitionNode;
    return { origin, name: operation.name?.value ?? '', kind: operation.operation, text };
  });
}

/** Every ```graphql block of the README, one operation each. */
export function readmeOperations(): DocumentedOperation[] {
  const readme = readFileSync(repoPath('README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].flatMap((m) => operationOf(m[1]!, 'README'));
}

export function exampleOperations(): DocumentedOperation[] {
  return readExamples().flatMap((e) => operationOf(e.query, 'examples'));
}
