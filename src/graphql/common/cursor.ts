import { InvalidInput } from '../../errors';

/**
 * Opaque to clients: base64url of what the list is (`event`, `entity:DEGREE`…) and the sort key
 * of a row, its place in that list's order. A cursor of another list or order is refused.
 */
export function encodeCursor(list: string, sortKey: string): string {
  return Buffer.from(`${list}:${JSON.stringify([sortKey])}`).toString('base64url');
}

export function decodeCursor(list: string, cursor: string, argument = 'after'): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${list}:`;
  if (text.startsWith(prefix)) {
    try {
      const value: unknown = JSON.parse(text.slice(prefix.length));
      if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
    } catch {
      // fall through to the error below
    }
  }
  throw new InvalidInput(argument, 'not a cursor returned by this API for this list and order');
}
