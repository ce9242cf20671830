import type { TIdentity, TMacro } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { macroRepository } from "./macro-repository.ts";

/** The workspace's macros, for staff who may use them. */
export async function listMacros(deps: TicketDeps, who: TIdentity): Promise<TMacro[]> {
  authorize(who, "ticket.macro.use");
  return macroRepository.macros(deps.db, who.workspaceId);
}
