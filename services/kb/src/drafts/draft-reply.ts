import { randomUUID } from "node:crypto";
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
import { retrieve, type RetrieveDeps, type RetrievedSource } from "../suggestions/retrieve.ts";
import { composeExtractive } from "./compose-extractive.ts";
import type { DraftSource } from "./draft-source.ts";
import { draftRepository } from "./draft-repository.ts";
import type { Drafter } from "./llm-drafter.ts";

export interface DraftDeps extends RetrieveDeps {
  /** A chat model; without one, drafts quote the sources (extractive). */
  drafter: Drafter | null;
}

const maxSources = 4;
// A draft cites a source only on real evidence: shared words, or a clearly similar meaning.
const citable = (s: RetrievedSource) => s.lexicalMatch || s.cosine >= 0.5;

/**
 * Drafts a reply to a ticket from the KB and similar resolved tickets, citing them by number.
 * Written by the chat model when one is configured (from the sources only), else extractive.
 */
export async function draftReply(
  deps: DraftDeps,
  who: TIdentity,
  input: z.output<typeof ZDraftReplyInput>,
): Promise<TDraftReply> {
  authorize(who, "kb.draft");
  const question = `${input.subject}\n${input.description}`;
  const lastWords = input.thread.slice(-1).join(" ");
  const found = await retrieve(
    deps,
    { workspaceId: who.workspaceId, staff: true, orgId: null },
    `${question}\n${lastWords}`.slice(0, 4000),
  );
  const sources: DraftSource[] = found
    .filter((s) => citable(s) && !(s.kind === "ticket" && s.id === input.ticketId))
    .slice(0, maxSources)
    .map((s, i) => ({
      n: i + 1,
      kind: s.kind,
      id: s.id,
      title: s.title,
      url: s.kind === "article" ? `/help/articles/${s.id}` : `/tickets/${s.id}`,
      passage: s.content,
    }));
  let text = "";
  if (deps.drafter) {
    for await (const delta of deps.drafter.stream(question, input.thread, sources)) text += delta;
  } else {
    text = composeExtractive(question, sources);
  }
  const draftId = randomUUID();
  const generatedBy = deps.drafter ? "llm" : "extractive";
  await draftRepository.insert(deps.db, {
    id: draftId,
    workspaceId: who.workspaceId,
    ticketId: input.ticketId,
    agentId: who.userId,
    generatedBy,
    sourceIds: sources.map((s) => s.id),
  });
  return { draftId, text, sources, generatedBy, grounded: sources.length > 0 };
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
