import type { Principal } from '../auth/principal';

export interface RateLimits {
  /** Tokens refilled per second for each anonymous IP address; 0 turns the limit off. */
  ipPerSecond: number;
  ipBurst: number;
  /** The same for each authenticated principal (API key or JWT subject). */
  principalPerSecond: number;
  principalBurst: number;
  /** Tokens a mutation takes; every request takes 1. */
  mutationCost: number;
  /** Failed authentications refilled per second, for each IP address and each credential prefix; 0 turns the limit off. */
  authFailuresPerSecond?: number;
  authFailuresBurst?: number;
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
    return this.consider(key, cost, true);
  }

  /** Whether `cost` tokens are there, taking none: 0, or the seconds to wait. */
  wait(key: string, cost = 1): number {
    return this.consider(key, cost, false);
  }

  private consider(key: string, cost: number, taking: boolean): number {
    if (this.perSecond <= 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (this.buckets.size > 10_000) this.forgetFull(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      if (taking) bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / this.perSecond));
  }

  /** Gives back tokens taken for a request that was refused after all (never above the burst). */
  give(key: string, tokens: number): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + tokens);
  }

  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}

export interface RateLimiter {
  /** Every request (an HTTP request, a subscription) takes one token: 0 when allowed, else seconds to wait. */
  admit(principal: Principal | null, ip: string): number;
  /**
   * A mutation takes `mutationCost - 1` more from its principal once the operation is known; same
   * answer. Refused, it gives back the request's token too: a refused request costs nothing, so a
   * client retrying after 429 gets the rate the limit states.
   */
  chargeMutation(principal: Principal): number;
  /** Before credentials are checked: 0, or the seconds this IP address or credential prefix must wait after too many failures. */
  failuresWait(ip: string, prefix: string | null): number;
  /** A credential that failed: one token from its IP address's and its prefix's failure buckets. */
  chargeFailure(ip: string, prefix: string | null): void;
}

/**
 * Per caller: an authenticated request is counted against its principal, an anonymous one against
 * its IP address (the guard refuses with RATE_LIMITED, HTTP 429, and a Retry-After header). An anonymous
 * mutation is refused before it runs anything (./authorizeMutations.ts), so it is charged once.
 */
export function rateLimiter(limits: RateLimits, now?: () => number): RateLimiter {
  const byIp = new TokenBuckets(limits.ipPerSecond, limits.ipBurst, now);
  const byPrincipal = new TokenBuckets(limits.principalPerSecond, limits.principalBurst, now);
  const failuresByIp = new TokenBuckets(limits.authFailuresPerSecond ?? 0, limits.authFailuresBurst ?? 0, now);
  const failuresByPrefix = new TokenBuckets(limits.authFailuresPerSecond ?? 0, limits.authFailuresBurst ?? 0, now);
  return {
    failuresWait: (ip, prefix) => Math.max(failuresByIp.wait(ip), prefix === null ? 0 : failuresByPrefix.wait(prefix)),
    chargeFailure(ip, prefix) {
      failuresByIp.take(ip, 1);
      if (prefix !== null) failuresByPrefix.take(prefix, 1);
    },
    admit: (principal, ip) => (principal ? byPrincipal.take(principal.id, 1) : byIp.take(ip, 1)),
    chargeMutation(principal) {
      if (limits.mutationCost <= 1) return 0;
      const retry = byPrincipal.take(principal.id, limits.mutationCost - 1);
      if (retry) byPrincipal.give(principal.id, 1);
      return retry;
    },
  };
}
