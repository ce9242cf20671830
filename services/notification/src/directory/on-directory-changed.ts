import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { projectionWritten } from "../dispatch/projection-cache.ts";
import { directoryRepository } from "./directory-repository.ts";

/** Keeps the projection of people current; runs inside the consumer's inbox transaction. */
export async function onUserChanged(tx: Sql, event: EventOf<"directory.user.changed">) {
  await directoryRepository.upsertPerson(tx, event.workspaceId, event.occurredAt, event.payload);
  projectionWritten(tx);
}

export async function onGroupChanged(tx: Sql, event: EventOf<"directory.group.changed">) {
  await directoryRepository.upsertGroup(tx, event.workspaceId, event.occurredAt, event.payload);
  projectionWritten(tx);
}
