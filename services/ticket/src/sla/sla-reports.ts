import {
  AppError,
  type TIdentity,
  type TSlaCompliance,
  type TTicketSla,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { reportRepository } from "./report-repository.ts";

/** A ticket's SLA: due dates, state, warnings (staff only). */
export async function getTicketSla(
  deps: TicketDeps,
  who: TIdentity,
  ticketId: string,
): Promise<TTicketSla> {
  const found = await reportRepository.ticketSla(deps.db, who.workspaceId, ticketId);
  if (!found) throw new AppError("NOT_FOUND", "Not found");
  authorize(who, "sla.read", found.scope);
  return found.sla;
}

/** Share of first-response and resolution targets met in a date range. */
export async function slaCompliance(
  deps: TicketDeps,
  who: TIdentity,
  range: { from: string; to: string },
): Promise<TSlaCompliance> {
  authorize(who, "sla.report");
  const r = await reportRepository.compliance(deps.db, who.workspaceId, range.from, range.to);
  const met = r.fr_met + r.res_met;
  const total = met + r.fr_breached + r.res_breached;
  return {
    from: range.from,
    to: range.to,
    firstResponse: { met: r.fr_met, breached: r.fr_breached },
    resolution: { met: r.res_met, breached: r.res_breached },
    compliance: total === 0 ? null : met / total,
  };
}
