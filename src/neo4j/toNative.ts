import neo4j, { Integer } from 'neo4j-driver';

/**
 * Converts driver values to plain JSON-friendly values at the database boundary:
 * Integers to numbers, temporal values to ISO strings, nodes and relationships to their properties.
 * Ordered by how often each shape comes back: primitives (most values: strings) return at the first
 * test, plain maps and lists are copied in place, and only other objects are asked what they are.
 */
export function toNative(value: unknown): unknown {
  if (typeof value !== 'object') return value === undefined ? null : value;
  if (value === null) return null;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i += 1) out[i] = toNative(value[i]);
    return out;
  }
  if (value instanceof Integer) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = toNative((value as Record<string, unknown>)[key]);
    return out;
  }
  if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toNative(value.properties);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNative(v)]));
}

/**
 * Converts parameters for the driver: JavaScript integers become Neo4j integers (the driver would
 * send them as floats, which LIMIT, SKIP and range() refuse); the rest passes through.
 */
export function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toDriverValue(v)]));
  }
  return value;
}
