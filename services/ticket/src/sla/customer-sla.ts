import { AppError, type TCustomerSla, type TIdentity, type TTicketSla } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { reportRepository } from "./report-repository.ts";

const stateFor = (s: TTicketSla): TCustomerSla["state"] => {
  if (s.policyId === null && !s.firstResponse.dueAt && !s.resolution.dueAt) return "none";
  switch (s.state) {
    case "ok":
    case "warning":
      return "running";
    case "paused":
    case "met":
    case "breached":
      return s.state;
  }
};

/**
 * The countdown a ticket's requester (and their organization) sees: when a first reply and a
 * resolution are due. Warnings, policies and escalations stay with staff.
 */
export async function customerSla(
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
): Promise<TCustomerSla> {
  const found = await reportRepository.ticketSla(deps.db, who.workspaceId, ticketId);
  if (!found) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "ticket.read", found.scope);
  const s = found.sla;
  const state = stateFor(s);
  return {
    ticketId,
    state,
    firstResponseDueAt: s.firstResponse.state === "pending" ? s.firstResponse.dueAt : null,
    resolutionDueAt:
      s.resolution.state === "pending" && state !== "paused" ? s.resolution.dueAt : null,
  };
}
