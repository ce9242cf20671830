import type { TIdentity } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import { indexRequestRepository } from "./index-request-repository.ts";

/** Staff-only view of what the indexer has yet to process. */
export async function listPendingIndexing(db: Db, who: TIdentity) {
  authorize(who, "kb.article.write");
  return indexRequestRepository.pending(db, who.workspaceId);
}
