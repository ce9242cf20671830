import type { TIdentity, ZTrackSuggestionInput } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";

/** Records that suggestions were seen, one was opened, or one solved the problem (a deflection). */
export async function trackSuggestion(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZTrackSuggestionInput>,
) {
  authorize(who, "kb.article.read");
  await db.query(
    `insert into kb.suggestion_events (workspace_id, user_id, query_id, kind, source_kind, source_id)
     values ($1, $2, $3, $4, $5, $6)`,
    [
      who.workspaceId,
      who.userId,
      input.queryId,
      input.kind,
      input.source?.kind ?? null,
      input.source?.id ?? null,
    ],
  );
  return { ok: true as const };
}
