import { AppError, type TArticle, type TIdentity } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { KbDeps } from "../deps.ts";
import { indexRequestRepository } from "../indexing/index-request-repository.ts";
import { createArticle } from "./create-article.ts";

/**
 * A draft article from a resolved ticket: its subject, the customer's question and the public
 * reply that resolved it. Built from the resolution document the KB received with
 * `ticket.resolved`, which never carries internal notes.
 */
export async function articleFromTicket(
  deps: KbDeps,
  who: TIdentity,
  ticketId: string,
): Promise<TArticle> {
  authorize(who, "kb.article.write");
  const doc = await indexRequestRepository.resolution(deps.db, who.workspaceId, ticketId);
  if (!doc?.subject) throw new AppError("NOT_FOUND", "No resolved ticket with that id");
  // Tickets resolved before the parts were kept have only the joined text: use it as the answer.
  const question = doc.description ?? "";
  const answer = doc.resolution ?? (doc.description === null ? (doc.body ?? "") : "");
  const body = [
    question.trim() && `## Question\n\n${question.trim()}`,
    `## Answer\n\n${answer.trim() || "_Write the answer here._"}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  return createArticle(deps, who, {
    title: doc.subject.trim().padEnd(3, ".").slice(0, 200),
    summary: "",
    body,
    category: doc.category?.trim().slice(0, 64) || "general",
    visibility: "public",
    status: "draft",
    tags: [`ticket-${doc.ticket_number}`],
  });
}
