import type { Sql } from "@signpost/db";
import { appendToOutbox, buildEvent } from "@signpost/queue";
import { schema } from "../schema.ts";
import type { SlaFiring } from "./sla-record.ts";
import type { SlaTicket } from "./sla-ticket.ts";

/** Records `sla.warning` / `sla.breached` for each firing, in the transaction that set its flag. */
export async function emitFirings(tx: Sql, t: SlaTicket, fired: readonly SlaFiring[]) {
  for (const f of fired) {
    await appendToOutbox(
      tx,
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
  }
}
