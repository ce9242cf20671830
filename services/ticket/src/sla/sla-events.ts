import type { Sql } from "@signpost/db";
import { buildEvent, outboxInsert } from "@signpost/queue";
import type { WriteBatch } from "../shared/write-batch.ts";
import { schema } from "../schema.ts";
import type { SlaFiring } from "./sla-record.ts";
import type { SlaTicket } from "./sla-ticket.ts";

/**
 * Records `sla.warning` / `sla.breached` for each firing, in the transaction that set its flag (or
 * in `writes`, the statement that creates the ticket).
 */
export async function emitFirings(
  tx: Sql,
  t: SlaTicket,
  fired: readonly SlaFiring[],
  writes?: WriteBatch,
) {
  for (const f of fired) {
    const { text, params } = outboxInsert(
      schema,
      buildEvent(f.kind === "warning" ? "sla.warning" : "sla.breached", {
        workspaceId: t.workspaceId,
        orgId: t.orgId,
        payload: {
          ticketId: t.id,
          number: t.number,
          subject: t.subject,
          requesterId: t.requesterId,
          assigneeId: t.assigneeId,
          groupId: t.groupId,
          metric: f.metric,
          dueAt: new Date(f.dueAt).toISOString(),
          priority: t.priority,
        },
      }),
    );
    if (writes) writes.add({ text, params });
    else await tx.query(text, params);
  }
}
