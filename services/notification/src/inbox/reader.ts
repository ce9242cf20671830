import type { TIdentity } from "@signpost/contracts";
import type { Reader } from "./notification-repository.ts";

/** Agents (and admins, who work tickets too) also see the workspace's shared agents' feed. */
export const readerOf = (who: TIdentity): Reader => ({
  workspaceId: who.workspaceId,
  userId: who.userId,
  agent: who.roles.includes("agent") || who.roles.includes("admin"),
});
