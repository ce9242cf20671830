import type { EventType, LatestPayloadOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { buildEvent, outboxInsert } from "@signpost/queue";
import type { Statement } from "./write-batch.ts";
import { schema } from "../schema.ts";
import type { StoredTicket } from "../tickets/ticket-repository.ts";
import type { Actor } from "./actor.ts";

/** The fields every ticket event repeats. */
export const headerOf = (t: StoredTicket) => ({
  ticketId: t.id,
  number: t.number,
  subject: t.subject,
  requesterId: t.requesterId,
  assigneeId: t.assigneeId,
  groupId: t.groupId,
});

/** Records an event about `ticket` in the outbox of the transaction `tx`. */
export async function emit<T extends EventType>(
  tx: Sql,
  actor: Actor,
  ticket: StoredTicket,
  type: T,
  payload: LatestPayloadOf<T>,
): Promise<void> {
  const { text, params } = emitStatement(actor, ticket, type, payload);
  await tx.query(text, params);
}

/** The outbox insert `emit` runs, to send with other writes in a `WriteBatch`. */
export function emitStatement<T extends EventType>(
  actor: Actor,
  ticket: StoredTicket,
  type: T,
  payload: LatestPayloadOf<T>,
): Statement {
  return outboxInsert(
    schema,
    buildEvent(type, {
      workspaceId: ticket.workspaceId,
      orgId: ticket.orgId,
      ...(actor.requestId ? { requestId: actor.requestId } : {}),
      payload,
    }),
  );
}
