import { AppError, type TComment, type TIdentity } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { addCommentIn } from "../comments/add-comment.ts";
import { toCommentDto } from "../comments/to-comment-dto.ts";
import { directoryRepository } from "../directory/directory-repository.ts";
import { asPerson } from "../shared/actor.ts";
import { applyStatus } from "../tickets/change-status.ts";
import { applyPriority } from "../tickets/change-priority.ts";
import { loadForChange } from "../tickets/load-for-change.ts";
import { ticketRepository, type StoredTicket } from "../tickets/ticket-repository.ts";
import { macroRepository } from "./macro-repository.ts";
import { render } from "./render-placeholders.ts";

// Takes the SQL handle to use: inside a transaction it must be that transaction (PGlite has one
// connection, so a query beside it would wait forever).
async function placeholders(sql: Sql, who: TIdentity, t: StoredTicket) {
  const requester = await directoryRepository.findPerson(sql, t.workspaceId, t.requesterId);
  return {
    "ticket.number": String(t.number),
    "ticket.subject": t.subject,
    "ticket.status": t.statusKey,
    "ticket.priority": t.priority,
    "requester.name": requester?.name ?? "there",
    "requester.email": requester?.email ?? "",
    "agent.name": who.name,
  };
}

/** The macro's text as it would be posted on this ticket. */
export async function previewMacro(
  deps: TicketDeps,
  who: TIdentity,
  macroId: string,
  ticketId: string,
): Promise<string> {
  authorize(who, "ticket.macro.use");
  const macro = await macroRepository.findMacro(deps.db, who.workspaceId, macroId);
  const ticket = await ticketRepository.findById(deps.db, who.workspaceId, ticketId);
  if (!macro || !ticket) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.macro.use", ticket);
  return render(macro.body, await placeholders(deps.db, who, ticket));
}

/** Posts the macro's text (placeholders filled) and applies its status, priority and tags. */
export async function applyMacro(
  deps: TicketDeps,
  who: TIdentity,
  macroId: string,
  ticketId: string,
  requestId?: string,
): Promise<TComment> {
  const macro = await macroRepository.findMacro(deps.db, who.workspaceId, macroId);
  if (!macro) throw new AppError("NOT_FOUND", "Not found");
  const actor = asPerson(who, requestId);
  const comment = await deps.db.transaction(async (tx) => {
    let ticket = await loadForChange(tx, actor, ticketId, "ticket.macro.use");
    const body = render(macro.body, await placeholders(tx, who, ticket));
    const made = await addCommentIn(
      deps,
      tx,
      who,
      ticket,
      {
        body,
        visibility: macro.visibility,
        mentionedIds: [],
        attachmentIds: [],
      },
      requestId,
    );
    ticket = (await ticketRepository.lockById(tx, who.workspaceId, ticket.id)) ?? ticket;
    if (macro.actions.addTags?.length) {
      const tags = [...new Set([...ticket.tags, ...macro.actions.addTags])];
      if (tags.length !== ticket.tags.length) {
        ticket = await ticketRepository.update(tx, ticket.id, { tags });
      }
    }
    if (macro.actions.priority) {
      ticket = await applyPriority(deps, tx, actor, ticket, macro.actions.priority);
    }
    if (macro.actions.status && macro.actions.status !== ticket.statusKey) {
      await applyStatus(deps, tx, actor, ticket, macro.actions.status);
    }
    return made;
  });
  deps.kickRelay();
  return toCommentDto(comment, []);
}
