import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import type { Principal } from '../auth/principal';
import { inputErrorsPlugin } from './inputErrors';
import { refusalError } from './refusals';
import type { RequestGuard } from './requestGuard';

/**
 * The guard's steps that run inside Apollo's pipeline (parse options, validation rules and
 * formatError are passed to ApolloServer directly): the operation check once the operation is
 * known (subscriptions refused: they need the WebSocket), and the re-coding of bad scalar literals as BAD_USER_INPUT.
 */
export function guardPlugins(guard: RequestGuard): ApolloServerPlugin<{ principal: Principal | null }>[] {
  return [
    inputErrorsPlugin,
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ document, operation, request, schema, contextValue }) {
            if (!operation) return;
            // Apollo would run it as a query, once, with no event to resolve.
            if (operation.operation === OperationTypeNode.SUBSCRIPTION)
              throw refusalError(
                'BAD_REQUEST',
                'subscriptions run over WebSocket: connect a graphql-ws client (graphql-transport-ws) to this same /graphql URL',
              );
            guard.checkOperation({
              schema,
              document,
              operation,
              operationName: request.operationName,
              variables: request.variables,
              principal: contextValue.principal,
            });
          },
        };
      },
    },
  ];
}
