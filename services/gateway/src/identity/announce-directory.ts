import type { Sql } from "@signpost/db";
import { appendToOutbox, buildEvent } from "@signpost/queue";
import { directoryRepository } from "./directory-repository.ts";
import { userRepository } from "./user-repository.ts";

/** The schema whose outbox carries the gateway's events (it owns identity). */
export const identityOutboxSchema = "identity";

/**
 * Records the current state of a person for the services that address or route to people (mail,
 * assignment). Call it in the transaction that changed them, so the projection never misses a
 * change; each event is a full snapshot, so a consumer that sees them out of order or twice stays
 * right after the last one.
 */
export async function announceUser(tx: Sql, workspaceId: string, userId: string): Promise<void> {
  const user = await userRepository.byId(tx, workspaceId, userId);
  if (!user) return;
  await appendToOutbox(
    tx,
    identityOutboxSchema,
    buildEvent("directory.user.changed", {
      workspaceId,
      orgId: user.org_id,
      payload: {
        userId: user.id,
        email: user.email,
        name: user.name,
        roles: user.roles,
        orgId: user.org_id,
        active: user.status === "active",
      },
    }),
  );
}

/** Records a group's name, full member list and lead (see `announceUser`). */
export async function announceGroup(tx: Sql, workspaceId: string, groupId: string): Promise<void> {
  const group = (await directoryRepository.listGroups(tx, workspaceId)).find(
    (g) => g.id === groupId,
  );
  if (!group) return;
  await appendToOutbox(
    tx,
    identityOutboxSchema,
    buildEvent("directory.group.changed", {
      workspaceId,
      orgId: null,
      payload: {
        groupId: group.id,
        name: group.name,
        memberIds: group.memberIds,
        deleted: false,
        leadId: group.leadId ?? null,
      },
    }),
  );
}

/**
 * Announces everyone once, for directories that existed before the gateway published changes.
 * Runs in one transaction with the marker, so it happens exactly once even with several gateways.
 */
export async function announceExistingDirectory(
  tx: Sql,
  markAnnounced: () => Promise<boolean>,
): Promise<number> {
  if (!(await markAnnounced())) return 0;
  const { rows: users } = await tx.query<{ id: string; workspace_id: string }>(
    `select id, workspace_id from identity.users order by created_at`,
  );
  for (const u of users) await announceUser(tx, u.workspace_id, u.id);
  const { rows: groups } = await tx.query<{ id: string; workspace_id: string }>(
    `select id, workspace_id from identity.groups order by name`,
  );
  for (const g of groups) await announceGroup(tx, g.workspace_id, g.id);
  return users.length + groups.length;
}
