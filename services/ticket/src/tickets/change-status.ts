import { AppError, type TCloseReason, type TTicket } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { runHooks, type TicketDeps } from "../deps.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { commentRepository } from "../comments/comment-repository.ts";
import type { Actor } from "../shared/actor.ts";
import { actorIdOf } from "../shared/actor.ts";
import { emit, headerOf } from "../shared/emit.ts";
import { statusRepository } from "../statuses/status-repository.ts";
import { canTransition } from "../statuses/transitions.ts";
import { loadForChange } from "./load-for-change.ts";
import type { StoredTicket, TicketPatch } from "./ticket-repository.ts";
import { ticketRepository } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

/**
 * Moves a locked ticket to the status `statusKey` inside `tx`: checks the transition, stamps
 * resolved/closed times, audits, and records `ticket.status_changed` plus `.resolved`, `.reopened`
 * or `.closed` as the kinds dictate.
 */
export async function applyStatus(
  deps: TicketDeps,
  tx: Sql,
  actor: Actor,
  current: StoredTicket,
  statusKey: string,
  closeReason: TCloseReason = "manual",
): Promise<StoredTicket> {
  const target = await statusRepository.find(tx, actor.workspaceId, statusKey);
  if (!target) throw new AppError("BAD_REQUEST", `Unknown status "${statusKey}"`);
  if (target.key === current.statusKey) {
    throw new AppError("CONFLICT", `Ticket #${current.number} is already ${target.key}`);
  }
  if (!canTransition(current.status, target.kind)) {
    throw new AppError(
      "CONFLICT",
      `Ticket #${current.number} cannot go from ${current.statusKey} to ${target.key}`,
    );
  }
  const now = new Date().toISOString();
  const patch: TicketPatch = { status: target.kind, statusKey: target.key };
  const reopening = current.status === "resolved" && target.kind !== "closed";
  if (target.kind === "resolved") {
    patch.resolvedAt = now;
    patch.resolutionCount = current.resolutionCount + 1;
  }
  if (reopening) patch.resolvedAt = null;
  if (target.kind === "closed") {
    patch.closedAt = now;
    patch.closeReason = closeReason;
  }
  const updated = await ticketRepository.update(tx, current.id, patch);
  await auditRepository.record(tx, actor, {
    ticketId: current.id,
    action: "status_changed",
    changes: [{ field: "status", from: current.statusKey, to: updated.statusKey }],
  });
  const actorId = actorIdOf(actor);
  await emit(tx, actor, updated, "ticket.status_changed", {
    ...headerOf(updated),
    actorId,
    from: { key: current.statusKey, kind: current.status },
    to: { key: updated.statusKey, kind: updated.status },
  });
  if (target.kind === "resolved") {
    const resolution = await commentRepository.lastPublicStaffReply(
      tx,
      updated.workspaceId,
      updated.id,
    );
    await emit(tx, actor, updated, "ticket.resolved", {
      ticketId: updated.id,
      number: updated.number,
      resolvedAt: updated.resolvedAt ?? now,
      subject: updated.subject,
      description: updated.description,
      category: updated.category,
      resolution,
    });
  }
  if (reopening)
    await emit(tx, actor, updated, "ticket.reopened", { ...headerOf(updated), actorId });
  if (target.kind === "closed") {
    await emit(tx, actor, updated, "ticket.closed", {
      ...headerOf(updated),
      actorId,
      reason: closeReason,
    });
  }
  await runHooks(deps, tx, { before: current, after: updated, actor, cause: "status" });
  return updated;
}

/**
 * Changes a ticket's status. `actor.who === null` is the system (the SLA engine, auto-close).
 *
 * @example
 * await changeStatus(deps, asSystem(workspaceId), ticketId, "closed", "auto_close");
 */
export async function changeStatus(
  deps: TicketDeps,
  actor: Actor,
  ticketId: string,
  statusKey: string,
  closeReason?: TCloseReason,
): Promise<TTicket> {
  const ticket = await deps.db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, ticketId, "ticket.update");
    return applyStatus(deps, tx, actor, current, statusKey, closeReason);
  });
  deps.kickRelay();
  return toTicketDto(ticket);
}

/** Closes a ticket with a reason (`manual`, `auto_close`, `bulk`; `merged` comes from a merge). */
export const closeTicket = (
  deps: TicketDeps,
  actor: Actor,
  ticketId: string,
  reason: TCloseReason = "manual",
) => changeStatus(deps, actor, ticketId, "closed", reason);
