import { isStaff, type TIdentity, type TTicketLink } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

type LinkKind = TTicketLink["kind"];
const inverse: Record<LinkKind, LinkKind> = {
  merged_into: "merged_from",
  merged_from: "merged_into",
  split_into: "split_from",
  split_from: "split_into",
};

/** Links between tickets (merge, split), stored from both sides. */
export const linkRepository = {
  async link(tx: Sql, workspaceId: string, ticketId: string, otherId: string, kind: LinkKind) {
    await tx.query(
      `insert into ticket.ticket_links (workspace_id, ticket_id, other_id, kind)
       values ($1, $2, $3, $4), ($1, $3, $2, $5) on conflict do nothing`,
      [workspaceId, ticketId, otherId, kind, inverse[kind]],
    );
  },

  /** A ticket's links; a customer sees only links to tickets of their own organization. */
  async forTicket(sql: Sql, workspaceId: string, ticketId: string, who: TIdentity) {
    const { rows } = await sql.query<{ kind: LinkKind; other_id: string; number: number }>(
      `select l.kind, l.other_id, t.number from ticket.ticket_links l
         join ticket.tickets t on t.id = l.other_id
        where l.workspace_id = $1 and l.ticket_id = $2
          and ($3::boolean or t.org_id = $4::uuid)
        order by l.created_at`,
      [workspaceId, ticketId, isStaff(who), who.orgId],
    );
    return rows.map((r) => ({ kind: r.kind, ticketId: r.other_id, number: r.number }));
  },
};
