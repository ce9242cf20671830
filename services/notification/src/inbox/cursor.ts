/**
 * A position in a person's notification stream: the writing transaction's id, then the row's
 * sequence. Ordered this way, and handed out only once every older transaction has finished, no
 * row can later appear in front of a position already given to a client — so resuming after
 * `Last-Event-ID` neither skips nor repeats.
 */
export interface Cursor {
  xid: string;
  seq: string;
}

export const formatCursor = (c: Cursor) => `${c.xid}-${c.seq}`;

/** Parses `xid-seq`; anything else is null (the caller starts at the head). */
export function parseCursor(text: string | null | undefined): Cursor | null {
  const m = text?.trim().match(/^(\d{1,20})-(\d{1,20})$/);
  return m?.[1] && m[2] ? { xid: m[1], seq: m[2] } : null;
}
