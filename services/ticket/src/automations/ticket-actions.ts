import type { Sql } from "@signpost/db";
import type { TicketDeps } from "../deps.ts";
import { directoryRepository } from "../directory/directory-repository.ts";
import { asSystem } from "../shared/actor.ts";
import { emit, headerOf } from "../shared/emit.ts";
import { applyAssignment } from "../tickets/assign-ticket.ts";
import { applyPriority } from "../tickets/change-priority.ts";
import { applyStatus } from "../tickets/change-status.ts";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import type { TicketAutomation } from "./ticket-automation.ts";

/**
 * Runs `work` under a savepoint: an escalation the ticket rules refuse (a group deleted since the
 * policy named it) must not roll back the breach the timer just recorded.
 */
async function attempt(tx: Sql, work: () => Promise<void>): Promise<boolean> {
  await tx.query("savepoint sla_automation");
  try {
    await work();
    await tx.query("release savepoint sla_automation");
    return true;
  } catch {
    await tx.query("rollback to savepoint sla_automation");
    return false;
  }
}

/** The timers' changes to tickets, made by the system through the ticket use-cases. */
export function ticketActions(deps: TicketDeps): TicketAutomation {
  return {
    lock: (tx, workspaceId, ticketId) => ticketRepository.lockById(tx, workspaceId, ticketId),

    async escalate(tx, ticket, to, reason) {
      const actor = asSystem(ticket.workspaceId);
      let current = await ticketRepository.lockById(tx, ticket.workspaceId, ticket.id);
      if (!current) return;
      const before = current;
      if (to.priority !== current.priority) {
        const base = current;
        await attempt(tx, async () => {
          current = await applyPriority(deps, tx, actor, base, to.priority);
        });
      }
      if (to.groupId && to.groupId !== current.groupId) {
        const group = await directoryRepository.findGroup(tx, ticket.workspaceId, to.groupId);
        if (group) {
          // The group's queue takes the ticket; an assignee outside the group lets it go.
          const keep = current.assigneeId && group.memberIds.includes(current.assigneeId);
          const base = current;
          await attempt(tx, async () => {
            current = await applyAssignment(deps, tx, actor, base, {
              groupId: group.groupId,
              assigneeId: keep ? base.assigneeId : null,
            });
          });
        }
      }
      if (current.priority === before.priority && current.groupId === before.groupId) return;
      await emit(tx, actor, current, "ticket.escalated", {
        ...headerOf(current),
        reason,
        priority: current.priority,
        previousPriority: before.priority,
        previousGroupId: before.groupId,
      });
    },

    async autoClose(tx, ticket) {
      const current = await ticketRepository.lockById(tx, ticket.workspaceId, ticket.id);
      if (current?.status !== "resolved") return;
      await applyStatus(deps, tx, asSystem(ticket.workspaceId), current, "closed", "auto_close");
    },
  };
}
