import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { repoPath } from '../paths';

export const EXAMPLES_FILE = repoPath('schema', 'examples.graphql');

/** One example operation: its name, the comment above it, and its text as written. */
export interface ExampleOperation {
  name: string;
  description: string;
  query: string;
}

/**
 * The named operations of schema/examples.graphql, in file order. Each keeps the `#` comment
 * lines just above it (shown in the IDE tab). Throws on a syntax error or an unnamed operation,
 * so a broken file stops the server at start-up rather than showing an empty IDE.
 */
export function readExamples(file = EXAMPLES_FILE): ExampleOperation[] {
  const text = readFileSync(file, 'utf8');
  const document = parse(text);
  let previousEnd = 0;
  return document.definitions.map((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) {
      throw new Error(`${file}: every definition must be a named operation`);
    }
    const { start, end } = definition.loc!;
    const comments = text
      .slice(previousEnd, start)
      .split('\n')
      .map((line) => line.trim())
      .reverse();
    const block: string[] = [];
    for (const line of comments.slice(comments[0] === '' ? 1 : 0)) {
      if (!line.startsWith('#')) break;
      block.unshift(line);
    }
    previousEnd = end;
    const description = block.map((line) => line.replace(/^#\s?/, '')).join(' ');
    const query = `${block.join('\n')}${block.length ? '\n' : ''}${text.slice(start, end)}\n`;
    return { name: definition.name.value, description, query };
  });
}
