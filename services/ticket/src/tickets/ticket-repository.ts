import type { Sql } from "@signpost/db";
import type { Statement } from "../shared/write-batch.ts";
import type { TTicket, TTicketChannel, TTicketPriority, TTicketStatus } from "@signpost/contracts";

export interface TicketRow {
  id: string;
  workspace_id: string;
  number: number;
  subject: string;
  description: string;
  status: TTicketStatus;
  status_key: string;
  priority: TTicketPriority;
  category: string;
  tags: string[];
  source: TTicketChannel;
  requester_id: string;
  org_id: string | null;
  assignee_id: string | null;
  group_id: string | null;
  collaborator_ids: string[];
  custom_fields: Record<string, string | number | null>;
  merged_into_id: string | null;
  resolution_count: number;
  close_reason: string | null;
  created_at: Date;
  updated_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  closed_at: Date | null;
}

export type StoredTicket = TTicket & {
  workspaceId: string;
  resolutionCount: number;
  closeReason: string | null;
};

export const ticketColumns = `t.id, t.workspace_id, t.number, t.subject, t.description, t.status,
  t.status_key, t.priority, t.category, t.tags, t.source, t.requester_id, t.org_id, t.assignee_id,
  t.group_id, t.collaborator_ids, t.custom_fields, t.merged_into_id, t.resolution_count,
  t.close_reason, t.created_at, t.updated_at, t.first_response_at, t.resolved_at, t.closed_at`;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export const toTicket = (r: TicketRow): StoredTicket => ({
  id: r.id,
  workspaceId: r.workspace_id,
  number: r.number,
  subject: r.subject,
  description: r.description,
  status: r.status,
  statusKey: r.status_key,
  priority: r.priority,
  category: r.category,
  tags: r.tags,
  source: r.source,
  requesterId: r.requester_id,
  orgId: r.org_id,
  assigneeId: r.assignee_id,
  groupId: r.group_id,
  collaboratorIds: r.collaborator_ids,
  customFields: r.custom_fields,
  mergedIntoId: r.merged_into_id,
  resolutionCount: r.resolution_count,
  closeReason: r.close_reason,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  firstResponseAt: iso(r.first_response_at),
  resolvedAt: iso(r.resolved_at),
  closedAt: iso(r.closed_at),
});

/** Columns a use-case may set, by field name; anything else cannot reach the SQL. */
const writable = {
  subject: "subject",
  status: "status",
  statusKey: "status_key",
  priority: "priority",
  category: "category",
  tags: "tags",
  requesterId: "requester_id",
  assigneeId: "assignee_id",
  groupId: "group_id",
  collaboratorIds: "collaborator_ids",
  customFields: "custom_fields",
  mergedIntoId: "merged_into_id",
  resolutionCount: "resolution_count",
  closeReason: "close_reason",
  firstResponseAt: "first_response_at",
  resolvedAt: "resolved_at",
  closedAt: "closed_at",
} as const satisfies Partial<Record<keyof StoredTicket, string>>;
export type TicketPatch = Partial<Pick<StoredTicket, keyof typeof writable>>;

export interface NewTicket {
  id: string;
  workspaceId: string;
  number: number;
  subject: string;
  description: string;
  status: TTicketStatus;
  statusKey: string;
  priority: TTicketPriority;
  category: string;
  tags: string[];
  source: TTicketChannel;
  requesterId: string;
  orgId: string | null;
  customFields: Record<string, string | number | null>;
  inboundMessageId: string | null;
  assigneeId?: string | null;
  groupId?: string | null;
  /** Also its `updated_at`; the database's clock when unset. */
  createdAt?: string;
}

/** The only code that reads and writes the ticket rows. */
export const ticketRepository = {
  /** The insert of a new ticket (returning its row), to run alone or in a `WriteBatch`. */
  insertStatement(t: NewTicket): Statement {
    return {
      text: `insert into ticket.tickets as t
         (id, workspace_id, number, subject, description, status, status_key, priority, category,
          tags, source, requester_id, org_id, custom_fields, inbound_message_id, assignee_id,
          group_id, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
         coalesce($18::timestamptz, now()), coalesce($18::timestamptz, now()))
       returning ${ticketColumns}`,
      params: [
        t.id,
        t.workspaceId,
        t.number,
        t.subject,
        t.description,
        t.status,
        t.statusKey,
        t.priority,
        t.category,
        t.tags,
        t.source,
        t.requesterId,
        t.orgId,
        JSON.stringify(t.customFields),
        t.inboundMessageId,
        t.assigneeId ?? null,
        t.groupId ?? null,
        t.createdAt ?? null,
      ],
    };
  },

  async findById(sql: Sql, workspaceId: string, id: string): Promise<StoredTicket | null> {
    const { rows } = await sql.query<TicketRow>(
      `select ${ticketColumns} from ticket.tickets t where t.workspace_id = $1 and t.id = $2`,
      [workspaceId, id],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  },

  async findByNumber(sql: Sql, workspaceId: string, n: number): Promise<StoredTicket | null> {
    const { rows } = await sql.query<TicketRow>(
      `select ${ticketColumns} from ticket.tickets t where t.workspace_id = $1 and t.number = $2`,
      [workspaceId, n],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  },

  async findByInboundMessage(sql: Sql, workspaceId: string, messageId: string) {
    const { rows } = await sql.query<TicketRow>(
      `select ${ticketColumns} from ticket.tickets t
        where t.workspace_id = $1 and t.inbound_message_id = $2`,
      [workspaceId, messageId],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  },

  async lockById(tx: Sql, workspaceId: string, id: string): Promise<StoredTicket | null> {
    const { rows } = await tx.query<TicketRow>(
      `select ${ticketColumns} from ticket.tickets t
        where t.workspace_id = $1 and t.id = $2 for update`,
      [workspaceId, id],
    );
    return rows[0] ? toTicket(rows[0]) : null;
  },

  /** Sets the given fields (and `updated_at`); returns the row as it now is. */
  async update(tx: Sql, id: string, patch: TicketPatch): Promise<StoredTicket> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [field, value] of Object.entries(patch)) {
      const column = writable[field as keyof typeof writable];
      params.push(field === "customFields" ? JSON.stringify(value) : value);
      sets.push(`${column} = $${params.length}`);
    }
    const { rows } = await tx.query<TicketRow>(
      `update ticket.tickets t set ${[...sets, "updated_at = now()"].join(", ")}
        where t.id = $1 returning ${ticketColumns}`,
      params,
    );
    return toTicket(rows[0] as TicketRow);
  },

  /** How many unresolved tickets each of `userIds` holds (routing capacity). */
  async openLoad(sql: Sql, workspaceId: string, userIds: string[]): Promise<Map<string, number>> {
    const { rows } = await sql.query<{ assignee_id: string; n: number }>(
      `select assignee_id, count(*)::int as n from ticket.tickets
        where workspace_id = $1 and assignee_id = any($2::uuid[])
          and status in ('open', 'in_progress', 'waiting_on_customer')
        group by assignee_id`,
      [workspaceId, userIds],
    );
    return new Map(rows.map((r) => [r.assignee_id, r.n]));
  },
};
