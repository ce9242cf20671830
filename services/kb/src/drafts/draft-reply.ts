import {
  AppError,
  type TDraftReply,
  type TIdentity,
  type ZDraftReplyInput,
  type ZRecordDraftUseInput,
} from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { DraftSource } from "./draft-source.ts";
import { draftRepository } from "./draft-repository.ts";
import { streamDraft, type DraftDeps } from "./stream-draft.ts";

export type { DraftDeps } from "./stream-draft.ts";

/** The whole draft at once (the tRPC route); `streamDraft` sends the same piece by piece. */
export async function draftReply(
  deps: DraftDeps,
  who: TIdentity,
  input: z.output<typeof ZDraftReplyInput>,
): Promise<TDraftReply> {
  let sources: DraftSource[] = [];
  let text = "";
  for await (const event of streamDraft(deps, who, input)) {
    switch (event.type) {
      case "sources":
        sources = event.sources;
        break;
      case "delta":
        text += event.text;
        break;
      case "citation":
        break;
      case "done":
        return {
          draftId: event.draftId,
          text,
          sources,
          generatedBy: event.generatedBy,
          grounded: event.grounded,
        };
    }
  }
  throw new Error("the draft stream ended without its result");
}

export async function recordDraftUse(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZRecordDraftUseInput>,
) {
  authorize(who, "kb.draft");
  if (!(await draftRepository.recordUse(db, who.workspaceId, input.draftId, input.usedSourceIds))) {
    throw new AppError("NOT_FOUND", "Not found");
  }
  return { ok: true as const };
}
