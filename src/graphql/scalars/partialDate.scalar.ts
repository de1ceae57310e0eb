import { GraphQLScalarType, Kind } from 'graphql';
import { partialDatePrecision } from '../../model/partialDate';

/**
 * A value a custom scalar refuses. A plain Error (not a GraphQLError) on purpose: graphql-js then
 * attaches the offending literal's AST node, from which src/guard/inputErrors.ts names the argument.
 */
export class InvalidScalarValue extends Error {
  override name = 'InvalidScalarValue';
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !partialDatePrecision(value)) {
    throw new InvalidScalarValue(
      `PartialDate must be an ISO 8601 date at a known precision ("2024", "2024-10" or "2024-12-05"); got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** A date at the precision the source gives: "2024", "2024-10" or "2024-12-05" — never a made-up day. */
export const PartialDateScalar = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description: 'ISO 8601 at the precision known: "2024", "2024-10" or "2024-12-05"',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
