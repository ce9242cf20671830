import { randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  AppError,
  type TIdentity,
  type TSlaPolicy,
  type ZSlaPolicyInput,
  type ZSlaPolicyUpdate,
} from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { policyRepository } from "./policy-repository.ts";

// Policy edits apply to tickets opened afterwards and to a ticket whose priority, category or
// organization changes; running clocks keep the targets they started with, so an edit never makes
// an open ticket breach retroactively.

async function checkCalendar(sql: Sql, workspaceId: string, calendarId: string | null) {
  if (calendarId && !(await policyRepository.getCalendar(sql, workspaceId, calendarId))) {
    throw new AppError("BAD_REQUEST", "Unknown calendar");
  }
}

export async function listPolicies(deps: TicketDeps, who: TIdentity): Promise<TSlaPolicy[]> {
  authorize(who, "sla.manage");
  return policyRepository.listPolicies(deps.db, who.workspaceId);
}

export async function createPolicy(
  deps: TicketDeps,
  who: TIdentity,
  input: z.output<typeof ZSlaPolicyInput>,
): Promise<TSlaPolicy> {
  authorize(who, "sla.manage");
  await checkCalendar(deps.db, who.workspaceId, input.calendarId);
  return policyRepository.upsertPolicy(deps.db, who.workspaceId, { ...input, id: randomUUID() });
}

export async function updatePolicy(
  deps: TicketDeps,
  who: TIdentity,
  input: z.output<typeof ZSlaPolicyUpdate>,
): Promise<TSlaPolicy> {
  authorize(who, "sla.manage");
  const { policyId, ...patch } = input;
  return deps.db.transaction(async (tx) => {
    const current = await policyRepository.getPolicy(tx, who.workspaceId, policyId);
    if (!current) throw new AppError("NOT_FOUND", "Not found");
    const next = { ...current, ...stripUndefined(patch) };
    await checkCalendar(tx, who.workspaceId, next.calendarId);
    return policyRepository.upsertPolicy(tx, who.workspaceId, next);
  });
}

export async function deletePolicy(deps: TicketDeps, who: TIdentity, policyId: string) {
  authorize(who, "sla.manage");
  if (!(await policyRepository.deletePolicy(deps.db, who.workspaceId, policyId))) {
    throw new AppError("NOT_FOUND", "Not found");
  }
  return { deleted: true as const };
}

/** Drops keys a partial update left out, so they keep their current values. */
export const stripUndefined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]-?: Exclude<T[K], undefined>;
  };
