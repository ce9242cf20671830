import type { Sql } from "@signpost/db";
import type { TTicket, TTicketPriority, TTicketStatus } from "@signpost/contracts";

interface TicketRow {
  id: string;
  workspace_id: string;
  number: number;
  subject: string;
  description: string;
  status: TTicketStatus;
  priority: TTicketPriority;
  category: string;
  requester_id: string;
  org_id: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

export type StoredTicket = TTicket & { workspaceId: string };

const columns = `id, workspace_id, number, subject, description, status, priority, category,
  requester_id, org_id, created_at, resolved_at`;

const toTicket = (r: TicketRow): StoredTicket => ({
  id: r.id,
  workspaceId: r.workspace_id,
  number: r.number,
  subject: r.subject,
  description: r.description,
  status: r.status,
  priority: r.priority,
  category: r.category,
  requesterId: r.requester_id,
  orgId: r.org_id,
  createdAt: new Date(r.created_at).toISOString(),
  resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
});

/** The only code that reads and writes the ticket tables. */
export const ticketRepository = {
  async nextNumber(tx: Sql, workspaceId: string): Promise<number> {
    const { rows } = await tx.query<{ last_number: number }>(
      `insert into ticket.ticket_counters (workspace_id, last_number) values ($1, 1001)
       on conflict (workspace_id) do update set last_number = ticket_counters.last_number + 1
       returning last_number`,
      [workspaceId],
    );
    const n = rows[0]?.last_number;
    if (n === undefined) throw new Error("ticket counter returned no row");
    return n;
  },

  async insert(
    tx: Sql,
    t: Omit<StoredTicket, "createdAt" | "resolvedAt" | "status">,
  ): Promise<StoredTicket> {
    const { rows } = await tx.query<TicketRow>(
      `insert into ticket.tickets
         (id, workspace_id, number, subject, description, priority, category, requester_id, org_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       returning ${columns}`,
      [
        t.id,
        t.workspaceId,
        t.number,
        t.subject,
        t.description,
        t.priority,
        t.category,
        t.requesterId,
        t.orgId,
      ],
    );
    return toTicket(rows[0] as TicketRow);
  },

  async findById(sql: Sql, workspaceId: string, id: string): Promise<StoredTicket | null> {
    const { rows } = await sql.query<TicketRow>(
      `select ${columns} from ticket.tickets where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  },

  async lockById(tx: Sql, workspaceId: string, id: string): Promise<StoredTicket | null> {
    const { rows } = await tx.query<TicketRow>(
      `select ${columns} from ticket.tickets where workspace_id = $1 and id = $2 for update`,
      [workspaceId, id],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  },

  async markResolved(tx: Sql, id: string): Promise<StoredTicket> {
    const { rows } = await tx.query<TicketRow>(
      `update ticket.tickets set status = 'resolved', resolved_at = now(), updated_at = now()
        where id = $1 returning ${columns}`,
      [id],
    );
    return toTicket(rows[0] as TicketRow);
  },

  /** Newest first; `orgId` confines the list to one customer organization. */
  async list(
    sql: Sql,
    q: { workspaceId: string; orgId: string | null; limit: number },
  ): Promise<StoredTicket[]> {
    const { rows } = await sql.query<TicketRow>(
      `select ${columns} from ticket.tickets
        where workspace_id = $1 and ($2::uuid is null or org_id = $2)
        order by created_at desc, number desc limit $3`,
      [q.workspaceId, q.orgId, q.limit],
    );
    return rows.map(toTicket);
  },
};
