import type { Db } from "@signpost/db";
import type { Logger } from "@signpost/service-kit";

export interface LoggedQuery {
  queryId: string;
  workspaceId: string;
  userId: string;
  text: string;
  results: number;
  bestSimilarity: number;
}

export interface SuggestionLog {
  record(q: LoggedQuery): void;
  /** Writes what is buffered (the gap report calls it so it sees the latest queries). */
  flush(): Promise<void>;
}

const flushAfterMs = 500;
const maxBuffered = 200;

/**
 * What people typed, for the editors' gap report. Suggestions run on every pause in typing, so
 * the rows are buffered and written in one statement off the request path, never awaited by it.
 */
export function suggestionLog(db: Db, logger?: Logger): SuggestionLog {
  let buffer: LoggedQuery[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function write(rows: LoggedQuery[]) {
    await db.query(
      `insert into kb.suggestion_queries
         (query_id, workspace_id, user_id, text, results, best_similarity)
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::real[])
       on conflict (query_id) do nothing`,
      [
        rows.map((r) => r.queryId),
        rows.map((r) => r.workspaceId),
        rows.map((r) => r.userId),
        rows.map((r) => r.text),
        rows.map((r) => r.results),
        rows.map((r) => r.bestSimilarity),
      ],
    );
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const rows = buffer;
    buffer = [];
    writing = writing
      .then(() => (rows.length ? write(rows) : undefined))
      .catch((error: unknown) =>
        logger?.warn({ err: error }, "could not record suggestion queries"),
      );
    return writing;
  }

  return {
    record(q) {
      buffer.push(q);
      if (buffer.length >= maxBuffered) void flush();
      else if (!timer) {
        timer = setTimeout(() => void flush(), flushAfterMs);
        timer.unref();
      }
    },
    flush,
  };
}
