import { AppError, type TTicket, type TTicketPriority } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { runHooks, type TicketDeps } from "../deps.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { actorIdOf, type Actor } from "../shared/actor.ts";
import { emit, headerOf } from "../shared/emit.ts";
import { loadForChange } from "./load-for-change.ts";
import { ticketRepository, type StoredTicket } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

/** Sets the priority of a locked ticket inside `tx`; audited, `ticket.updated` recorded. */
export async function applyPriority(
  deps: TicketDeps,
  tx: Sql,
  actor: Actor,
  current: StoredTicket,
  priority: TTicketPriority,
): Promise<StoredTicket> {
  if (current.status === "closed") {
    throw new AppError("CONFLICT", `Ticket #${current.number} is closed`);
  }
  if (current.priority === priority) return current;
  const updated = await ticketRepository.update(tx, current.id, { priority });
  const changes = [{ field: "priority", from: current.priority, to: priority }];
  await auditRepository.record(tx, actor, { ticketId: current.id, action: "updated", changes });
  await emit(tx, actor, updated, "ticket.updated", {
    ...headerOf(updated),
    actorId: actorIdOf(actor),
    changes,
  });
  await runHooks(deps, tx, { before: current, after: updated, actor, cause: "priority" });
  return updated;
}

/**
 * Changes a ticket's priority (the SLA engine recomputes targets through its hook).
 *
 * @example
 * await changePriority(deps, asSystem(workspaceId), ticketId, "urgent");
 */
export async function changePriority(
  deps: TicketDeps,
  actor: Actor,
  ticketId: string,
  priority: TTicketPriority,
): Promise<TTicket> {
  const ticket = await deps.db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, ticketId, "ticket.update");
    return applyPriority(deps, tx, actor, current, priority);
  });
  deps.kickRelay();
  return toTicketDto(ticket);
}
