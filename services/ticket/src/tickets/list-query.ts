import {
  AppError,
  ticketStatuses,
  type TSlaState,
  type TTicketFilters,
  type TTicketRowSla,
  type TTicketSort,
} from "@signpost/contracts";
import { ticketColumns } from "./ticket-repository.ts";

/** The keyset of each sort: the sorted column(s), then columns that make the order total. */
const keysets: Record<TTicketSort["field"], string[]> = {
  created_at: ["t.created_at", "t.id"],
  updated_at: ["t.updated_at", "t.id"],
  number: ["t.number"],
  priority: ["t.priority_rank", "t.created_at", "t.id"],
  sla_due_at: ["coalesce(s.due_at, 'infinity')", "t.created_at", "t.id"],
};

/** Cursor values travel as text so timestamps keep their microseconds. */
export const encodeCursor = (values: string[]) =>
  Buffer.from(JSON.stringify(values)).toString("base64url");

function decodeCursor(cursor: string, size: number): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(values) &&
      values.length === size &&
      values.every((v) => typeof v === "string")
    ) {
      return values;
    }
  } catch {
    // fall through
  }
  throw new AppError("BAD_REQUEST", "Invalid cursor");
}

/** The SLA columns of a list row; all null when the ticket has no SLA row. */
export interface SlaRow {
  sla_ticket_id: string | null;
  sla_state: TSlaState | null;
  sla_due_at: Date | null;
  sla_fr_due_at: Date | null;
  sla_fr_breached: boolean | null;
  sla_res_due_at: Date | null;
  sla_res_breached: boolean | null;
  sla_paused: boolean | null;
}

const slaColumns = `s.ticket_id as sla_ticket_id, s.state as sla_state, s.due_at as sla_due_at,
  s.fr_due_at as sla_fr_due_at, s.fr_breached_at is not null as sla_fr_breached,
  s.res_due_at as sla_res_due_at, s.res_breached_at is not null as sla_res_breached,
  s.paused_since is not null as sla_paused`;

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

/** A row's SLA as the contract has it, or null when the ticket has none (or it was not read). */
export function toRowSla(r: Partial<SlaRow>): TTicketRowSla | null {
  if (!r.sla_ticket_id || !r.sla_state) return null;
  return {
    state: r.sla_state,
    dueAt: iso(r.sla_due_at ?? null),
    firstResponseDueAt: iso(r.sla_fr_due_at ?? null),
    firstResponseBreached: r.sla_fr_breached === true,
    resolutionDueAt: iso(r.sla_res_due_at ?? null),
    resolutionBreached: r.sla_res_breached === true,
    paused: r.sla_paused === true,
  };
}

export interface ListQuery {
  workspaceId: string;
  /** Set for customers: they see their organization's tickets only. */
  confineToOrg: string | null;
  /** Adds each row's SLA (`SlaRow` columns): staff lists show it, customers' never do. */
  withSla: boolean;
  filters: TTicketFilters;
  sort: TTicketSort;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Builds one SQL statement for a page of tickets: every filter is a parameter, never text pasted
 * into the query; the cursor continues strictly after the previous page's last row.
 */
export function buildListQuery(q: ListQuery): { text: string; params: unknown[] } {
  const params: unknown[] = [q.workspaceId];
  const where = ["t.workspace_id = $1"];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (q.confineToOrg) where.push(`t.org_id = ${p(q.confineToOrg)}`);
  const f = q.filters;
  // One value is `=`, not `= any(...)`: only then may an index on the column give the sort order.
  const oneOf = (column: string, values: readonly string[], type: string) =>
    values.length === 1
      ? `${column} = ${p(values[0])}`
      : `${column} = any(${p(values)}::${type}[])`;
  if (f.status) {
    // A built-in key is its own kind (and reserved), so it is a filter on the kind; any other key
    // is one of the workspace's statuses. Split so each half has an index.
    const kinds = f.status.filter((s) => (ticketStatuses as readonly string[]).includes(s));
    const custom = f.status.filter((s) => !kinds.includes(s));
    const parts = [
      ...(kinds.length ? [oneOf("t.status", kinds, "text")] : []),
      ...(custom.length
        ? [`(${oneOf("t.status_key", custom, "text")} and t.status_key <> t.status)`]
        : []),
    ];
    where.push(parts.length === 1 ? (parts[0] as string) : `(${parts.join(" or ")})`);
  }
  if (f.priority) where.push(oneOf("t.priority", f.priority, "text"));
  if (f.category) where.push(oneOf("t.category", f.category, "text"));
  for (const [key, column] of [
    ["assigneeId", "t.assignee_id"],
    ["groupId", "t.group_id"],
  ] as const) {
    const values = f[key];
    if (!values) continue;
    const ids = values.filter((v): v is string => v !== null);
    const parts = ids.length ? [`${column} = any(${p(ids)}::uuid[])`] : [];
    if (values.includes(null)) parts.push(`${column} is null`);
    where.push(`(${parts.join(" or ")})`);
  }
  if (f.requesterId) where.push(`t.requester_id = any(${p(f.requesterId)}::uuid[])`);
  if (f.orgId) where.push(`t.org_id = any(${p(f.orgId)}::uuid[])`);
  if (f.tag) where.push(`t.tags && ${p(f.tag.map((t) => t.toLowerCase()))}::text[]`);
  if (f.text) {
    const number = /^#?(\d{1,9})$/.exec(f.text)?.[1];
    const match = `t.search @@ websearch_to_tsquery('english', ${p(f.text)})`;
    where.push(number ? `(${match} or t.number = ${p(Number(number))})` : match);
  }
  // The SLA row lives beside the ticket (services/ticket/src/sla). Staff rows show it (a left
  // join, one primary-key probe per row). Sorting or filtering on it joins it inner: every ticket
  // has one (written with the ticket, backfilled at start-up), and only then may the planner
  // walk the SLA rows in due order.
  const slaInner = Boolean(f.slaState) || q.sort.field === "sla_due_at";
  if (slaInner) where.push("s.workspace_id = $1");
  if (f.slaState) where.push(`s.state = any(${p(f.slaState)}::text[])`);
  const keys = keysets[q.sort.field];
  const desc = q.sort.direction === "desc";
  if (q.cursor) {
    const values = decodeCursor(q.cursor, keys.length);
    const casts = keys.map((k, i) => {
      const type = /_at\b/.test(k) ? "timestamptz" : k.endsWith(".id") ? "uuid" : "int";
      return `${p(values[i])}::${type}`;
    });
    where.push(`(${keys.join(", ")}) ${desc ? "<" : ">"} (${casts.join(", ")})`);
  }
  const order = keys.map((k) => `${k} ${desc ? "desc" : "asc"}`).join(", ");
  const cursorColumns = keys.map((k, i) => `${k}::text as cursor_${i}`).join(", ");
  return {
    text: `select ${ticketColumns}, ${cursorColumns}${q.withSla ? `, ${slaColumns}` : ""}
      from ticket.tickets t
      ${slaInner ? "join" : q.withSla ? "left join" : ""}
      ${slaInner || q.withSla ? "ticket.ticket_slas s on s.ticket_id = t.id" : ""}
      where ${where.join(" and ")} order by ${order} limit ${p(q.limit + 1)}`,
    params,
  };
}

export const cursorSize = (sort: TTicketSort) => keysets[sort.field].length;
