import { randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  AppError,
  type TBusinessCalendar,
  type TIdentity,
  type ZBusinessCalendarInput,
  type ZCalendarUpdate,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { TicketDeps } from "../deps.ts";
import { stripUndefined } from "./manage-policies.ts";
import { policyRepository } from "./policy-repository.ts";

export async function listCalendars(deps: TicketDeps, who: TIdentity) {
  authorize(who, "sla.manage");
  return policyRepository.listCalendars(deps.db, who.workspaceId);
}

export async function createCalendar(
  deps: TicketDeps,
  who: TIdentity,
  input: z.output<typeof ZBusinessCalendarInput>,
): Promise<TBusinessCalendar> {
  authorize(who, "sla.manage");
  return policyRepository.upsertCalendar(deps.db, who.workspaceId, { ...input, id: randomUUID() });
}

export async function updateCalendar(
  deps: TicketDeps,
  who: TIdentity,
  input: z.output<typeof ZCalendarUpdate>,
): Promise<TBusinessCalendar> {
  authorize(who, "sla.manage");
  const { calendarId, ...patch } = input;
  return deps.db.transaction(async (tx) => {
    const current = await policyRepository.getCalendar(tx, who.workspaceId, calendarId);
    if (!current) throw new AppError("NOT_FOUND", "Not found");
    return policyRepository.upsertCalendar(tx, who.workspaceId, {
      ...current,
      ...stripUndefined(patch),
    });
  });
}

export async function deleteCalendar(deps: TicketDeps, who: TIdentity, calendarId: string) {
  authorize(who, "sla.manage");
  return deps.db.transaction(async (tx) => {
    if (!(await policyRepository.getCalendar(tx, who.workspaceId, calendarId))) {
      throw new AppError("NOT_FOUND", "Not found");
    }
    if (await policyRepository.calendarInUse(tx, calendarId)) {
      throw new AppError("CONFLICT", "A policy still counts business time on this calendar");
    }
    await policyRepository.deleteCalendar(tx, who.workspaceId, calendarId);
    return { deleted: true as const };
  });
}
