/** A place in the checkout list, newest first: the creation time and id of the row next to the page. */
export interface ListCursor {
  createdAt: Date;
  id: number;
}

const TOKEN = /^(\d{1,15})-(\d{1,15})$/;

/** "1795300412000-42": plain enough to share in a URL, and nothing in it the page does not show. */
export function cursorToken(cursor: ListCursor): string {
  return `${cursor.createdAt.getTime()}-${cursor.id}`;
}

export function readCursor(token: string | null | undefined): ListCursor | null {
  const match = token ? TOKEN.exec(token) : null;
  return match ? { createdAt: new Date(Number(match[1])), id: Number(match[2]) } : null;
}
