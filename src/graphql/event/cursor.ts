import { InvalidInput } from '../../errors';

const PREFIX = 'event:';

/** Opaque to clients: base64url of the event's sortKey (its place in the (date, id) order). */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(PREFIX + JSON.stringify([sortKey])).toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith(PREFIX)) {
    try {
      const value: unknown = JSON.parse(text.slice(PREFIX.length));
      if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
    } catch {
      // fall through to the error below
    }
  }
  throw new InvalidInput(argument, 'not a cursor returned by this API');
}
