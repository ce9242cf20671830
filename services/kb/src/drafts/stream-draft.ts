import { randomUUID } from "node:crypto";
import type { TIdentity, ZDraftReplyInput } from "@signpost/contracts";
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

/** What a streamed draft sends, in order: its sources, text (citations as they appear), the end. */
export type DraftEvent =
  | { type: "sources"; sources: DraftSource[] }
  | { type: "delta"; text: string }
  | { type: "citation"; source: DraftSource }
  | { type: "done"; draftId: string; generatedBy: "llm" | "extractive"; grounded: boolean };

const maxSources = 4;
// A draft cites a source only on real evidence: shared words, or a clearly similar meaning.
const citable = (s: RetrievedSource) => s.lexicalMatch || s.cosine >= 0.5;

/**
 * Drafts a reply to a ticket from the KB and similar resolved tickets, citing them by number, as
 * a stream: the sources first, then the text as the chat model writes it (with each citation
 * announced the first time the text uses it), then the recorded draft's id. Extractive (one
 * piece of text) when no model is configured.
 */
export async function* streamDraft(
  deps: DraftDeps,
  who: TIdentity,
  input: z.output<typeof ZDraftReplyInput>,
): AsyncGenerator<DraftEvent> {
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
  yield { type: "sources", sources };

  const cited = new Set<number>();
  let text = "";
  // A citation may arrive split over deltas ("[" then "1]"): look at the text so far each time.
  function* citationsIn(): Generator<DraftEvent> {
    for (const m of text.matchAll(/\[(\d+)\]/g)) {
      const source = sources.find((s) => s.n === Number(m[1]));
      if (source && !cited.has(source.n)) {
        cited.add(source.n);
        yield { type: "citation", source };
      }
    }
  }
  const deltas = deps.drafter
    ? deps.drafter.stream(question, input.thread, sources)
    : [composeExtractive(question, sources)];
  for await (const delta of deltas) {
    text += delta;
    yield { type: "delta", text: delta };
    yield* citationsIn();
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
  yield { type: "done", draftId, generatedBy, grounded: sources.length > 0 };
}
