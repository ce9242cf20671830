import type { TIdentity } from "@signpost/contracts";

/**
 * Who makes a change. `who: null` is the system (SLA escalation, auto-close, inbound mail routing):
 * it skips the role checks a person goes through, but never leaves `workspaceId`.
 */
export interface Actor {
  workspaceId: string;
  who: TIdentity | null;
  requestId?: string;
}

export const asPerson = (who: TIdentity, requestId?: string): Actor => ({
  workspaceId: who.workspaceId,
  who,
  ...(requestId ? { requestId } : {}),
});

export const asSystem = (workspaceId: string, requestId?: string): Actor => ({
  workspaceId,
  who: null,
  ...(requestId ? { requestId } : {}),
});

export const actorIdOf = (actor: Actor) => actor.who?.userId ?? null;
