import type { TAuditChange, TAuditEntry } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import type { Statement } from "../shared/write-batch.ts";
import type { Actor } from "../shared/actor.ts";
import { actorIdOf } from "../shared/actor.ts";

interface AuditRow {
  seq: string;
  ticket_id: string | null;
  actor_id: string | null;
  action: string;
  changes: TAuditChange[];
  created_at: Date;
}

/** The append-only record of every change: who, when, what, before and after. */
export const auditRepository = {
  async record(
    tx: Sql,
    actor: Actor,
    entry: { ticketId: string | null; action: string; changes: TAuditChange[] },
  ): Promise<void> {
    const { text, params } = auditRepository.recordStatement(actor, entry);
    await tx.query(text, params);
  },

  /** The insert `record` runs, to send with other writes in a `WriteBatch`. */
  recordStatement(
    actor: Actor,
    entry: { ticketId: string | null; action: string; changes: TAuditChange[] },
  ): Statement {
    return {
      text: `insert into ticket.audit_log (workspace_id, ticket_id, actor_id, action, changes)
       values ($1, $2, $3, $4, $5)`,
      params: [
        actor.workspaceId,
        entry.ticketId,
        actorIdOf(actor),
        entry.action,
        JSON.stringify(entry.changes),
      ],
    };
  },

  async forTicket(
    sql: Sql,
    workspaceId: string,
    ticketId: string,
    q: { afterSeq: number; limit: number },
  ): Promise<TAuditEntry[]> {
    const { rows } = await sql.query<AuditRow>(
      `select seq, ticket_id, actor_id, action, changes, created_at from ticket.audit_log
        where workspace_id = $1 and ticket_id = $2 and seq > $3 order by seq limit $4`,
      [workspaceId, ticketId, q.afterSeq, q.limit],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      ticketId: r.ticket_id,
      actorId: r.actor_id,
      action: r.action,
      changes: r.changes,
      at: new Date(r.created_at).toISOString(),
    }));
  },
};

/** The changed fields between two versions of the same object, as audit/event changes. */
export function diff<T extends object>(before: T, after: T, fields: (keyof T)[]): TAuditChange[] {
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((f) => ({ field: String(f), from: before[f], to: after[f] }));
}
