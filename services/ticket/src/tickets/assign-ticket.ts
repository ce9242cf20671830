import { AppError, type TTicket } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { runHooks, type TicketDeps } from "../deps.ts";
import { auditRepository, diff } from "../audit/audit-repository.ts";
import { directoryRepository } from "../directory/directory-repository.ts";
import { actorIdOf, type Actor } from "../shared/actor.ts";
import { emit, headerOf } from "../shared/emit.ts";
import { loadForChange } from "./load-for-change.ts";
import { ticketRepository, type StoredTicket } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

/** `undefined` keeps the current value; `null` clears it. */
export interface Assignment {
  assigneeId?: string | null;
  groupId?: string | null;
}

/**
 * Assigns a locked ticket inside `tx`. The assignee must be active staff and the group a live group
 * of the workspace (both from the directory projection); an assignee outside the chosen group is
 * refused, so a group queue never holds someone else's work.
 */
export async function applyAssignment(
  deps: TicketDeps,
  tx: Sql,
  actor: Actor,
  current: StoredTicket,
  a: Assignment,
): Promise<StoredTicket> {
  if (current.status === "closed") {
    throw new AppError("CONFLICT", `Ticket #${current.number} is closed`);
  }
  const assigneeId = a.assigneeId === undefined ? current.assigneeId : a.assigneeId;
  const groupId = a.groupId === undefined ? current.groupId : a.groupId;
  if (groupId && groupId !== current.groupId) {
    const group = await directoryRepository.findGroup(tx, actor.workspaceId, groupId);
    if (!group) throw new AppError("BAD_REQUEST", "Unknown group");
  }
  if (assigneeId && assigneeId !== current.assigneeId) {
    const person = await directoryRepository.findPerson(tx, actor.workspaceId, assigneeId);
    if (!person || !person.active || !person.roles.some((r) => r === "agent" || r === "admin")) {
      throw new AppError("BAD_REQUEST", "The assignee must be an active agent of this workspace");
    }
    if (groupId) {
      const group = await directoryRepository.findGroup(tx, actor.workspaceId, groupId);
      if (group && !group.memberIds.includes(assigneeId)) {
        throw new AppError("BAD_REQUEST", "The assignee is not a member of the ticket's group");
      }
    }
  }
  if (assigneeId === current.assigneeId && groupId === current.groupId) return current;
  const updated = await ticketRepository.update(tx, current.id, { assigneeId, groupId });
  await auditRepository.record(tx, actor, {
    ticketId: current.id,
    action: "assigned",
    changes: diff(current, updated, ["assigneeId", "groupId"]),
  });
  await emit(tx, actor, updated, "ticket.assigned", {
    ...headerOf(updated),
    actorId: actorIdOf(actor),
    previousAssigneeId: current.assigneeId,
    previousGroupId: current.groupId,
  });
  await runHooks(deps, tx, { before: current, after: updated, actor, cause: "assigned" });
  return updated;
}

/**
 * Assigns a ticket to a person and/or a group (the SLA engine escalates to a group with it).
 *
 * @example
 * await assignTicket(deps, asSystem(workspaceId), ticketId, { groupId: escalationGroupId });
 */
export async function assignTicket(
  deps: TicketDeps,
  actor: Actor,
  ticketId: string,
  a: Assignment,
): Promise<TTicket> {
  const ticket = await deps.db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, ticketId, "ticket.update");
    return applyAssignment(deps, tx, actor, current, a);
  });
  deps.kickRelay();
  return toTicketDto(ticket);
}
