import type { Sql } from "@signpost/db";
import { directoryRepository } from "./directory-repository.ts";
import { isAgent, type Person } from "./person.ts";

/** Everyone with the agent role (admins who also work tickets have it too). */
export const allAgents = async (sql: Sql, workspaceId: string) =>
  (await directoryRepository.withRole(sql, workspaceId, "agent")).filter(isAgent);

/**
 * Who works a ticket: its assignee; else its group's members; else every agent. `alsoGroup` adds
 * the group's members beside the assignee (SLA alarms go to the whole group).
 */
export async function ticketWorkers(
  sql: Sql,
  workspaceId: string,
  t: { assigneeId: string | null; groupId: string | null },
  alsoGroup = false,
): Promise<Person[]> {
  const assignee = t.assigneeId
    ? await directoryRepository.people(sql, workspaceId, [t.assigneeId])
    : [];
  if (assignee.length && !alsoGroup) return assignee;
  const group = t.groupId
    ? await directoryRepository.groupMembers(sql, workspaceId, t.groupId)
    : [];
  const found = [...assignee, ...group];
  return found.length ? found : allAgents(sql, workspaceId);
}

export async function person(sql: Sql, workspaceId: string, id: string | null) {
  if (!id) return null;
  return (await directoryRepository.people(sql, workspaceId, [id]))[0] ?? null;
}
