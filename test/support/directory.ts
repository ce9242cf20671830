import type pg from "pg";
import { waitFor } from "@signpost/testkit";

/**
 * Waits until the notification service knows a signed-in workspace's people (the gateway's
 * directory snapshot travels through the queue). Mail goes only to people it knows, so a run that
 * starts its load before this would count missing mails that were never due.
 */
export async function waitForNotificationDirectory(
  sql: pg.Client,
  workspaceId: string,
  people = 5,
): Promise<void> {
  await waitFor(
    "the directory to reach the notification service",
    async () =>
      (
        await sql.query(`select 1 from notification.directory_people where workspace_id = $1`, [
          workspaceId,
        ])
      ).rowCount === people,
    60_000,
  );
}
