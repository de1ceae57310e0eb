import type { ApolloServerPlugin } from '@apollo/server';
import type { Principal } from '../auth/principal';
import { inputErrorsPlugin } from './inputErrors';
import type { RequestGuard } from './requestGuard';

/**
 * The guard's steps that run inside Apollo's pipeline (parse options, validation rules and
 * formatError are passed to ApolloServer directly): the operation check once the operation is
 * known, and the re-coding of bad scalar literals as BAD_USER_INPUT.
 */
export function guardPlugins(guard: RequestGuard): ApolloServerPlugin<{ principal: Principal | null }>[] {
  return [
    inputErrorsPlugin,
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ document, operation, request, schema, contextValue }) {
            if (!operation) return;
            guard.checkOperation({ schema, document, operation, operationName: request.operationName, variables: request.variables, principal: contextValue.principal });
          },
        };
      },
    },
  ];
}
