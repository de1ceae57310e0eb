import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Principal } from '../auth/principal';
import { refusalError, sendRefusal } from './refusals';

export interface RateLimits {
  /** Tokens refilled per second for each anonymous IP address; 0 turns the limit off. */
  ipPerSecond: number;
  ipBurst: number;
  /** The same for each authenticated principal (API key or JWT subject). */
  principalPerSecond: number;
  principalBurst: number;
  /** Tokens a mutation takes; every request takes 1. */
  mutationCost: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets in memory, one per key; full ones are forgotten when the map grows. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` tokens; 0 when allowed, else the whole seconds to wait before retrying. */
  take(key: string, cost: number): number {
    if (this.perSecond <= 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (this.buckets.size > 10_000) this.forgetFull(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / this.perSecond));
  }

  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}

export interface RateLimiter {
  /** Express middleware: every GraphQL request takes one token (after authentication). */
  middleware: RequestHandler;
  /**
   * Apollo plugin: a mutation takes `mutationCost - 1` more from its principal once the operation
   * is known (an anonymous mutation is refused before it runs anything, see src/auth/authChecker.ts).
   */
  plugin: ApolloServerPlugin<{ principal: Principal | null }>;
}

const message = (retry: number) => `too many requests; retry after ${retry} s`;

/**
 * Per caller: an authenticated request is counted against its principal, an anonymous one against
 * its IP address. Refused with HTTP 429, a Retry-After header and code RATE_LIMITED.
 */
export function rateLimiter(limits: RateLimits, now?: () => number): RateLimiter {
  const byIp = new TokenBuckets(limits.ipPerSecond, limits.ipBurst, now);
  const byPrincipal = new TokenBuckets(limits.principalPerSecond, limits.principalBurst, now);
  const take = (principal: Principal | null, ip: string, cost: number) =>
    principal ? byPrincipal.take(principal.id, cost) : byIp.take(ip, cost);
  return {
    middleware: (req, res, next) => {
      const retry = take(res.locals.principal ?? null, req.ip ?? '', 1);
      if (retry) return sendRefusal(res, 'RATE_LIMITED', message(retry), { 'Retry-After': String(retry) });
      next();
    },
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, contextValue }) {
            if (operation?.operation !== 'mutation' || !contextValue.principal || limits.mutationCost <= 1) return;
            const retry = byPrincipal.take(contextValue.principal.id, limits.mutationCost - 1);
            if (retry) throw refusalError('RATE_LIMITED', message(retry), { 'retry-after': String(retry) });
          },
        };
      },
    },
  };
}
