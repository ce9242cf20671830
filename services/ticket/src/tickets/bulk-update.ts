import { AppError, type TBulkInput, type TIdentity } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { asPerson } from "../shared/actor.ts";
import { assignTicket } from "./assign-ticket.ts";
import { changePriority } from "./change-priority.ts";
import { changeStatus } from "./change-status.ts";

/**
 * Applies one action to many tickets, each in its own transaction: a ticket that refuses (closed,
 * not found, bad transition) is reported and the rest still change.
 */
export async function bulkUpdate(
  deps: TicketDeps,
  who: TIdentity,
  input: TBulkInput,
  requestId?: string,
) {
  authorize(who, "ticket.update");
  const actor = asPerson(who, requestId);
  const results = [];
  for (const ticketId of [...new Set(input.ticketIds)]) {
    try {
      switch (input.action) {
        case "assign":
          await assignTicket(deps, actor, ticketId, {
            ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
            ...(input.groupId !== undefined ? { groupId: input.groupId } : {}),
          });
          break;
        case "status":
          await changeStatus(deps, actor, ticketId, input.status);
          break;
        case "priority":
          await changePriority(deps, actor, ticketId, input.priority);
          break;
        case "close":
          await changeStatus(deps, actor, ticketId, "closed", "bulk");
          break;
      }
      results.push({ ticketId, ok: true, error: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ ticketId, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return { results };
}
