import { GraphQLError } from 'graphql';

/** A caller mistake, naming the argument at fault. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`${argument}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}
