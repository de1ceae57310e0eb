import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type ASTNode, type DocumentNode } from 'graphql';
import { InvalidScalarValue } from '../graphql/scalars/partialDate.scalar';

/** The argument (or input field path) whose value is `node`, e.g. "from" or "input.date". */
function argumentOf(document: DocumentNode, node: ASTNode): string | undefined {
  const path: string[] = [];
  let found: string | undefined;
  visit(document, {
    Argument: { enter: (arg) => void path.push(arg.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (field) => void path.push(field.name.value), leave: () => void path.pop() },
    enter: (visited) => {
      if (visited === node) {
        found = path.join('.');
        return false;
      }
      return undefined;
    },
  });
  return found || undefined;
}

const MARK = 'invalidScalarLiteral';

/**
 * graphql-js reports a literal that a custom scalar refuses (`events(from: "2024-13")`) as a
 * validation failure. It is the caller's input that is wrong, so it leaves as BAD_USER_INPUT,
 * naming the argument, like the same value passed in a variable. Apollo re-codes validation
 * errors after validationDidStart's hook, so the code is set last, on the response.
 */
export const inputErrorsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async validationDidStart({ document }) {
        return async (errors) => {
          for (const error of errors ?? []) {
            if (!(error instanceof GraphQLError) || !(error.originalError instanceof InvalidScalarValue)) continue;
            const node = error.nodes?.[0];
            if (!node) continue;
            const argument = argumentOf(document, node);
            Object.assign(error.extensions, { [MARK]: true, ...(argument ? { argument } : {}) });
          }
        };
      },
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          const extensions = error.extensions as Record<string, unknown> | undefined;
          if (!extensions?.[MARK]) continue;
          delete extensions[MARK];
          extensions.code = 'BAD_USER_INPUT';
        }
      },
    };
  },
};
