import { AppError, type TTicket, type ZUpdateTicketInput } from "@signpost/contracts";
import type { z } from "zod";
import { runHooks, type TicketDeps } from "../deps.ts";
import { auditRepository, diff } from "../audit/audit-repository.ts";
import { checkCategory, checkCustomFields } from "../fields/validate-fields.ts";
import { actorIdOf, type Actor } from "../shared/actor.ts";
import { emit, headerOf } from "../shared/emit.ts";
import { loadForChange } from "./load-for-change.ts";
import { ticketRepository, type TicketPatch } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

/** Edits subject, category, tags, collaborators and custom fields; one `ticket.updated` lists all. */
export async function updateTicket(
  deps: TicketDeps,
  actor: Actor,
  input: z.output<typeof ZUpdateTicketInput>,
): Promise<TTicket> {
  const ticket = await deps.db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, input.ticketId, "ticket.update");
    if (current.status === "closed") {
      throw new AppError("CONFLICT", `Ticket #${current.number} is closed`);
    }
    const patch: TicketPatch = {};
    if (input.subject !== undefined) patch.subject = input.subject;
    if (input.category !== undefined) {
      await checkCategory(tx, actor.workspaceId, input.category);
      patch.category = input.category;
    }
    if (input.tags !== undefined) patch.tags = [...new Set(input.tags)];
    if (input.collaboratorIds !== undefined) {
      patch.collaboratorIds = [...new Set(input.collaboratorIds)];
    }
    if (input.customFields !== undefined) {
      patch.customFields = await checkCustomFields(
        tx,
        actor.workspaceId,
        current.customFields,
        input.customFields,
        false,
      );
    }
    const updated = await ticketRepository.update(tx, current.id, patch);
    const changes = diff(current, updated, [
      "subject",
      "category",
      "tags",
      "collaboratorIds",
      "customFields",
    ]);
    if (changes.length === 0) return current;
    await auditRepository.record(tx, actor, { ticketId: current.id, action: "updated", changes });
    await emit(tx, actor, updated, "ticket.updated", {
      ...headerOf(updated),
      actorId: actorIdOf(actor),
      changes,
    });
    await runHooks(deps, tx, { before: current, after: updated, actor, cause: "updated" });
    return updated;
  });
  deps.kickRelay();
  return toTicketDto(ticket);
}
