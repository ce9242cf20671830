import type { Sql } from "@signpost/db";
import { cachedLookup } from "../dispatch/projection-cache.ts";
import { directoryRepository } from "./directory-repository.ts";
import { isAgent, type Person } from "./person.ts";

// The event handlers' reads of the directory, cached between events (see projection-cache.ts):
// call them only with the consumer's transaction.

/** Active people of the workspace among `ids`. */
export const people = (tx: Sql, workspaceId: string, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : cachedLookup(tx, "directory", `people:${workspaceId}:${[...ids].sort().join(",")}`, () =>
        directoryRepository.people(tx, workspaceId, ids),
      );

/** Active people of the workspace holding `role`. */
export const withRole = (tx: Sql, workspaceId: string, role: string) =>
  cachedLookup(tx, "directory", `role:${workspaceId}:${role}`, () =>
    directoryRepository.withRole(tx, workspaceId, role),
  );

/** Active members of a group (none when it is unknown or deleted). */
export const groupMembers = (tx: Sql, workspaceId: string, groupId: string) =>
  cachedLookup(tx, "directory", `group:${workspaceId}:${groupId}`, () =>
    directoryRepository.groupMembers(tx, workspaceId, groupId),
  );

/** The group's lead, when it has one. */
export const groupLead = (tx: Sql, workspaceId: string, groupId: string | null) =>
  groupId
    ? cachedLookup(tx, "directory", `lead:${workspaceId}:${groupId}`, () =>
        directoryRepository.groupLead(tx, workspaceId, groupId),
      )
    : Promise.resolve(null);

/** Everyone with the agent role (admins who also work tickets have it too). */
export const allAgents = async (tx: Sql, workspaceId: string) =>
  (await withRole(tx, workspaceId, "agent")).filter(isAgent);

/**
 * Who works a ticket: its assignee; else its group's members; else every agent. `alsoGroup` adds
 * the group's members beside the assignee (SLA alarms go to the whole group).
 */
export async function ticketWorkers(
  tx: Sql,
  workspaceId: string,
  t: { assigneeId: string | null; groupId: string | null },
  alsoGroup = false,
): Promise<Person[]> {
  const assignee = t.assigneeId ? await people(tx, workspaceId, [t.assigneeId]) : [];
  if (assignee.length && !alsoGroup) return assignee;
  const group = t.groupId ? await groupMembers(tx, workspaceId, t.groupId) : [];
  const found = [...assignee, ...group];
  return found.length ? found : allAgents(tx, workspaceId);
}

export async function person(tx: Sql, workspaceId: string, id: string | null) {
  if (!id) return null;
  return (await people(tx, workspaceId, [id]))[0] ?? null;
}
