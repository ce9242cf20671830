import {
  AppError,
  type TIdentity,
  type TStatusDef,
  type ZCreateStatusInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { TicketDeps } from "../deps.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { asPerson } from "../shared/actor.ts";
import { builtInStatuses, statusRepository } from "./status-repository.ts";

/** Adds a workspace status mapped to one of the five kinds (e.g. "Awaiting parts" → in_progress). */
export async function createStatus(
  deps: TicketDeps,
  who: TIdentity,
  input: z.output<typeof ZCreateStatusInput>,
): Promise<TStatusDef> {
  authorize(who, "ticket.configure");
  if (builtInStatuses.some((s) => s.key === input.key)) {
    throw new AppError("CONFLICT", `"${input.key}" is a built-in status`);
  }
  await deps.db.transaction(async (tx) => {
    if (!(await statusRepository.insert(tx, who.workspaceId, input))) {
      throw new AppError("CONFLICT", `A status "${input.key}" already exists`);
    }
    await auditRepository.record(tx, asPerson(who), {
      ticketId: null,
      action: "status.defined",
      changes: [{ field: input.key, from: null, to: { label: input.label, kind: input.kind } }],
    });
  });
  return { ...input, builtIn: false };
}
