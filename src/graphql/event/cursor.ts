import { badUserInput } from '../common/errors';

/** The position of an event in the (sortKey, id) order. */
export interface EventPosition {
  sortKey: string;
  id: string;
}

const PREFIX = 'event:';

/** Opaque to clients: base64url of the position. */
export function encodeCursor(position: EventPosition): string {
  return Buffer.from(PREFIX + JSON.stringify([position.sortKey, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): EventPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (text.startsWith(PREFIX)) {
    try {
      const value: unknown = JSON.parse(text.slice(PREFIX.length));
      if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
        return { sortKey: value[0] as string, id: value[1] as string };
      }
    } catch {
      // fall through to the error below
    }
  }
  throw badUserInput(argument, 'not a cursor returned by this API');
}
