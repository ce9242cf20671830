import type { TIdentity, TStatusDef } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { statusRepository } from "./status-repository.ts";

/** The workspace's statuses, each with the kind (one of five) its transitions follow. */
export async function listStatuses(deps: TicketDeps, who: TIdentity): Promise<TStatusDef[]> {
  authorize(who, "ticket.list");
  return statusRepository.list(deps.db, who.workspaceId);
}
