import {
  getOperationAST,
  OperationTypeNode,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { authenticator, InvalidCredentialError, type AuthOptions } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { authorizeMutations } from './authorizeMutations';
import { costCheck, type OperationToCheck } from './cost';
import { documentLimits, type DocumentLimits } from './documentLimits';
import { formatError } from './errorShape';
import { rateLimiter, type RateLimits } from './rateLimit';
import { Refused, refusalError } from './refusals';
import { subscriptionCap, type SubscriptionLimits } from './subscriptionCap';

export interface GuardOptions {
  auth: AuthOptions;
  /** Refuse operations without credentials too (READS_REQUIRE_AUTH). */
  readsRequireAuth: boolean;
  rateLimits: RateLimits;
  documentLimits: DocumentLimits;
  /** Most lexical tokens in a document. */
  maxTokens: number;
  maxCost: number;
  subscriptions: SubscriptionLimits;
}

/** A GraphQL request as a transport receives it. */
export interface GraphQLRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** Who is asking, as any transport sees it: the Authorization value (a header, graphql-ws connectionParams) and the peer's address. */
export interface Caller {
  authorization?: string;
  ip: string;
}

/**
 * What a transport must apply to every GraphQL request, in this order:
 * 1. `admit` the caller once per request (per subscription on a socket): credentials, then rate;
 * 2. parse with `parseOptions` and validate with `validationRules` (document limits);
 * 3. `checkOperation` once the operation is resolved: every mutation field authorised, cost, and a mutation's extra rate charge;
 * 4. shape every error with `formatError` (codes, no stack traces).
 * Refusals are `Refused` (steps 1) or GraphQL errors carrying a refusal code (steps 2–3).
 */
export interface RequestGuard {
  admit(caller: Caller): Promise<Principal | null>;
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
  checkOperation(operation: OperationToCheck & { principal: Principal | null }): void;
  formatError: typeof formatError;
  /**
   * Steps 2 and 3 at once, for a transport without a GraphQL pipeline of its own (WebSocket):
   * the checked document and operation, or the errors that refuse it.
   */
  prepare(
    schema: GraphQLSchema,
    request: GraphQLRequest,
    principal: Principal | null,
  ): { document: DocumentNode; operation: OperationDefinitionNode } | { errors: readonly GraphQLError[] };
  /** A place for one more open subscription of this caller (SUBSCRIPTION_LIMIT_EXCEEDED when over the cap); release it when the subscription ends. */
  openSubscription(principal: Principal | null, ip: string): () => void;
}

/**
 * The first characters of an API key (a bearer credential that is not a JWT): failures are
 * counted per prefix too, so guesses spread over many addresses are limited. JWTs all start alike
 * (their header) and cannot be guessed: null.
 */
function keyPrefix(authorization: string | undefined): string | null {
  const credential = /^Bearer +(\S+)/i.exec(authorization ?? '')?.[1];
  if (!credential || /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(credential)) return null;
  return credential.slice(0, 6);
}

/** The error with Apollo's code for its kind, unless it carries its own (a refusal's). */
const coded = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError,
    extensions: { code, ...error.extensions },
  });

const tooMany = (retry: number) => `too many requests; retry after ${retry} s`;
const NEEDS_CREDENTIALS = 'this API needs credentials: send "Authorization: Bearer <API key or JWT>"';

/** The one request guard: authentication, rate limits, document limits, cost and error shaping. */
export function createRequestGuard(options: GuardOptions): RequestGuard {
  const authenticate = authenticator(options.auth);
  const rates = rateLimiter(options.rateLimits);
  const checkCost = costCheck(options.maxCost);
  const subscriptions = subscriptionCap(options.subscriptions);
  const guard: RequestGuard = {
    async admit({ authorization, ip }) {
      let principal: Principal | null;
      // Too many failed credentials from this address, or for keys starting like this one: refused
      // before the credential is checked, so guessing gets no answer at all.
      const prefix = keyPrefix(authorization);
      const wait = authorization ? rates.failuresWait(ip, prefix) : 0;
      if (wait)
        throw new Refused('RATE_LIMITED', `too many failed authentications; retry after ${wait} s`, {
          'Retry-After': String(wait),
        });
      try {
        principal = await authenticate(authorization);
      } catch (error) {
        if (!(error instanceof InvalidCredentialError)) throw error;
        rates.chargeFailure(ip, prefix);
        throw new Refused('UNAUTHENTICATED', error.message, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      }
      if (!principal && options.readsRequireAuth)
        throw new Refused('UNAUTHENTICATED', NEEDS_CREDENTIALS, { 'WWW-Authenticate': 'Bearer' });
      const retry = rates.admit(principal, ip);
      if (retry) throw new Refused('RATE_LIMITED', tooMany(retry), { 'Retry-After': String(retry) });
      return principal;
    },
    parseOptions: { maxTokens: options.maxTokens },
    validationRules: [documentLimits(options.documentLimits)],
    checkOperation(operation) {
      authorizeMutations(operation.schema, operation.document, operation.operation, operation.principal);
      checkCost(operation);
      if (operation.operation.operation !== OperationTypeNode.MUTATION || !operation.principal) return;
      const retry = rates.chargeMutation(operation.principal);
      if (retry) throw refusalError('RATE_LIMITED', tooMany(retry), { 'retry-after': String(retry) });
    },
    formatError,
    prepare(schema, { query, operationName, variables }, principal) {
      let document: DocumentNode;
      try {
        document = parse(query, guard.parseOptions);
      } catch (error) {
        return {
          errors: [
            coded(error instanceof GraphQLError ? error : new GraphQLError(String(error)), 'GRAPHQL_PARSE_FAILED'),
          ],
        };
      }
      const errors = validate(schema, document, [...specifiedRules, ...guard.validationRules]);
      if (errors.length) return { errors: errors.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED')) };
      const operation = getOperationAST(document, operationName);
      if (!operation)
        return {
          errors: [
            new GraphQLError(
              operationName ? `no operation named "${operationName}"` : 'the document must name the operation to run',
            ),
          ],
        };
      try {
        guard.checkOperation({ schema, document, operation, operationName, variables, principal });
      } catch (error) {
        if (error instanceof GraphQLError) return { errors: [error] };
        throw error;
      }
      return { document, operation };
    },
    openSubscription(principal, ip) {
      const place = subscriptions.open(principal, ip);
      if ('refused' in place) throw new Refused('SUBSCRIPTION_LIMIT_EXCEEDED', place.refused);
      return place.release;
    },
  };
  return guard;
}
