import type { TIdentity, TSlaSettings } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { policyRepository } from "./policy-repository.ts";

/** The workspace's automation settings (auto-close delay; the default is 3 days). */
export async function getSlaSettings(deps: TicketDeps, who: TIdentity): Promise<TSlaSettings> {
  authorize(who, "sla.manage");
  return { autoCloseDays: await policyRepository.autoCloseDays(deps.db, who.workspaceId) };
}

/** Applies to tickets resolved from now on; tickets already resolved keep their close date. */
export async function setSlaSettings(
  deps: TicketDeps,
  who: TIdentity,
  input: TSlaSettings,
): Promise<TSlaSettings> {
  authorize(who, "sla.manage");
  await policyRepository.setAutoCloseDays(deps.db, who.workspaceId, input.autoCloseDays);
  return input;
}
