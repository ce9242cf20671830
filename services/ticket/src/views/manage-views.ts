import { randomUUID } from "node:crypto";
import {
  AppError,
  type TIdentity,
  type TSavedView,
  type ZSaveViewInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { TicketDeps } from "../deps.ts";
import { viewRepository } from "./view-repository.ts";

/** An agent's own saved views (filters and sort). */
export async function listViews(deps: TicketDeps, who: TIdentity): Promise<TSavedView[]> {
  authorize(who, "ticket.views");
  return viewRepository.list(deps.db, who.workspaceId, who.userId);
}

export async function saveView(
  deps: TicketDeps,
  who: TIdentity,
  input: z.output<typeof ZSaveViewInput>,
): Promise<TSavedView> {
  authorize(who, "ticket.views");
  const view = { id: randomUUID(), ...input };
  await viewRepository.insert(deps.db, who.workspaceId, who.userId, view);
  return view;
}

/** Deletes one of the caller's views; someone else's is NOT_FOUND. */
export async function deleteView(
  deps: TicketDeps,
  who: TIdentity,
  viewId: string,
): Promise<{ deleted: true }> {
  authorize(who, "ticket.views");
  if (!(await viewRepository.remove(deps.db, who.workspaceId, who.userId, viewId))) {
    throw new AppError("NOT_FOUND", "Not found");
  }
  return { deleted: true };
}
