import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { directoryRepository } from "./directory-repository.ts";

/** Keeps the people projection current; runs inside the consumer's inbox transaction. */
export const onUserChanged = (tx: Sql, e: EventOf<"directory.user.changed">) =>
  directoryRepository.upsertPerson(tx, e.workspaceId, e.payload);

/** Keeps the group projection (name and members, for routing) current. */
export const onGroupChanged = (tx: Sql, e: EventOf<"directory.group.changed">) =>
  directoryRepository.upsertGroup(tx, e.workspaceId, e.payload);
