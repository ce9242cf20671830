import type { TIdentity, TPresenceMode, TTicketPresence } from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { PresenceStore } from "./presence-store.ts";

/** A beat lapses after this long: clients beat every few seconds, so a closed tab fades quickly. */
export const presenceTtlMs = 15_000;

// This service keeps no tickets, so presence is confined the way tickets are to staff: by
// workspace (every key carries the caller's) and by role (agents and admins, who may see every
// ticket of their workspace). Customers may neither send nor see it.

export async function beatPresence(
  store: PresenceStore,
  who: TIdentity,
  input: { ticketId: string; mode: TPresenceMode },
): Promise<void> {
  authorize(who, "notification.presence");
  await store.beat(
    who.workspaceId,
    input.ticketId,
    { userId: who.userId, name: who.name, mode: input.mode },
    presenceTtlMs,
  );
}

export async function leavePresence(
  store: PresenceStore,
  who: TIdentity,
  input: { ticketId: string },
): Promise<void> {
  authorize(who, "notification.presence");
  await store.leave(who.workspaceId, input.ticketId, who.userId);
}

export async function listPresence(
  store: PresenceStore,
  who: TIdentity,
  input: { ticketId: string },
): Promise<TTicketPresence> {
  authorize(who, "notification.presence");
  return { ticketId: input.ticketId, people: await store.list(who.workspaceId, input.ticketId) };
}
