import type { Principal } from '../auth/principal';

export interface SubscriptionLimits {
  /** Most subscriptions open at once for one API key or JWT subject (SUBSCRIPTIONS_PER_PRINCIPAL; 0 = no limit). */
  perPrincipal: number;
  /** The same for each IP address, whoever is calling from it (SUBSCRIPTIONS_PER_IP). */
  perIp: number;
}

/**
 * Open subscriptions counted per principal and per IP address, in this API instance. `open`
 * answers the limit that would be passed (and counts nothing), or a function that releases the
 * place, once, when the subscription ends.
 */
export function subscriptionCap(limits: SubscriptionLimits) {
  const open = new Map<string, number>();
  const over = (key: string, limit: number) => limit > 0 && (open.get(key) ?? 0) >= limit;
  const add = (key: string, by: number) => {
    const n = (open.get(key) ?? 0) + by;
    if (n > 0) open.set(key, n);
    else open.delete(key);
  };
  return {
    open(principal: Principal | null, ip: string): { refused: string } | { release: () => void } {
      const keys = [`ip:${ip}`, ...(principal ? [`principal:${principal.id}`] : [])];
      if (over(keys[0]!, limits.perIp))
        return { refused: `at most ${limits.perIp} subscriptions may be open from one IP address` };
      if (principal && over(keys[1]!, limits.perPrincipal))
        return { refused: `at most ${limits.perPrincipal} subscriptions may be open for one principal` };
      for (const key of keys) add(key, 1);
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          for (const key of keys) add(key, -1);
        },
      };
    },
  };
}
