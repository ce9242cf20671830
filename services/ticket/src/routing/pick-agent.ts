import type { Sql } from "@signpost/db";
import { ticketRepository } from "../tickets/ticket-repository.ts";
import { routingRepository } from "./routing-repository.ts";

/**
 * Round-robin: the group member assigned least recently who is not away and holds fewer unresolved
 * tickets than their capacity. Null when nobody is available (the ticket waits in the group).
 */
export async function pickAgent(
  tx: Sql,
  workspaceId: string,
  groupId: string,
): Promise<string | null> {
  const candidates = (await routingRepository.lockCandidates(tx, workspaceId, groupId)).filter(
    (c) => !c.away,
  );
  if (candidates.length === 0) return null;
  const load = await ticketRepository.openLoad(
    tx,
    workspaceId,
    candidates.map((c) => c.userId),
  );
  const chosen = candidates.find(
    (c) => c.capacity === null || (load.get(c.userId) ?? 0) < c.capacity,
  );
  if (!chosen) return null;
  await routingRepository.markAssigned(tx, workspaceId, chosen.userId);
  return chosen.userId;
}
