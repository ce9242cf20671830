import type { Db } from "@signpost/db";
import type { Logger } from "@signpost/queue";
import type { Cursor } from "../inbox/cursor.ts";
import { notificationRepository, type Reader } from "../inbox/notification-repository.ts";

export interface LiveSubscriber {
  reader: Reader;
  /** Called when the table holds something new for this person. */
  wake(): void;
}

/**
 * One per replica: a single query per tick, whatever the number of open streams, finds who got
 * new notifications and wakes their streams, which then read their own rows from their own cursor.
 *
 * Why polling the table rather than Redis pub/sub: the table is the truth the stream resumes from
 * anyway (Last-Event-ID is a position in it), a consumer has no after-commit hook to publish from
 * (publishing inside the transaction would announce rows that may roll back), and the same code
 * serves the embedded mode and any number of replicas. A tick is cheap: an index range scan past
 * the replica's cursor that is empty when nothing happened.
 */
export function createLiveHub(opts: { db: Db; pollMs: number; logger: Logger }) {
  const subscribers = new Set<LiveSubscriber>();
  let cursor: Cursor | null = null;
  let timer: NodeJS.Timeout | undefined;
  let scanning = false;

  async function scan() {
    if (scanning) return;
    scanning = true;
    try {
      cursor ??= await notificationRepository.head(opts.db);
      for (;;) {
        const rows = await notificationRepository.changedSince(opts.db, cursor, 1000);
        const woken = new Set<LiveSubscriber>();
        for (const r of rows) {
          for (const s of subscribers) {
            if (s.reader.workspaceId !== r.workspace_id) continue;
            if (r.recipient_id === s.reader.userId || (r.recipient_id === null && s.reader.agent)) {
              woken.add(s);
            }
          }
          cursor = { xid: r.xid, seq: r.seq };
        }
        woken.forEach((s) => s.wake());
        if (rows.length < 1000) break;
      }
    } catch (error) {
      opts.logger.warn({ err: error }, "live scan failed; will retry");
    } finally {
      scanning = false;
    }
  }

  return {
    /**
     * Registers a stream. Resolves once the replica's cursor is placed, so anything committed
     * after the stream's own first read is certain to wake it.
     */
    async subscribe(s: LiveSubscriber): Promise<() => void> {
      subscribers.add(s);
      cursor ??= await notificationRepository.head(opts.db);
      timer ??= setInterval(() => void scan(), opts.pollMs);
      return () => {
        subscribers.delete(s);
        if (subscribers.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
          cursor = null;
        }
      };
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      subscribers.clear();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
