import type { TIdentity, ZGapsInput } from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { gapRepository } from "./gap-repository.ts";
import { groupGaps } from "./group-gaps.ts";
import type { SuggestionLog } from "./suggestion-log.ts";

// Below this cosine the best suggestion was not about the question (see retrieve's floor too).
const goodSimilarity = 0.5;

/** What customers asked that the KB had no good answer for, grouped, most frequent first. */
export async function listGaps(
  deps: { db: Db; log: SuggestionLog },
  who: TIdentity,
  input: z.output<typeof ZGapsInput>,
) {
  authorize(who, "kb.gaps.read");
  await deps.log.flush();
  const rows = await gapRepository.unanswered(deps.db, who.workspaceId, input.days, goodSimilarity);
  return groupGaps(
    rows.map((r) => ({ text: r.text, terms: r.terms, at: new Date(r.created_at) })),
  ).slice(0, input.limit);
}
