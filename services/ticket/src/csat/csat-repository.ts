import { randomUUID } from "node:crypto";
import type { TCsatRating } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

interface CsatRow {
  ticket_id: string;
  resolution: number;
  rating: number;
  comment: string | null;
  created_at: Date;
}
const toRating = (r: CsatRow): TCsatRating => ({
  ticketId: r.ticket_id,
  resolution: r.resolution,
  rating: r.rating,
  comment: r.comment,
  createdAt: new Date(r.created_at).toISOString(),
});

export const csatRepository = {
  /** Records a rating; null when this resolution was already rated. */
  async insert(
    tx: Sql,
    r: {
      workspaceId: string;
      ticketId: string;
      resolution: number;
      requesterId: string;
      rating: number;
      comment: string | null;
    },
  ): Promise<TCsatRating | null> {
    const { rows } = await tx.query<CsatRow>(
      `insert into ticket.csat_ratings
         (id, workspace_id, ticket_id, resolution, requester_id, rating, comment)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (ticket_id, resolution) do nothing
       returning ticket_id, resolution, rating, comment, created_at`,
      [randomUUID(), r.workspaceId, r.ticketId, r.resolution, r.requesterId, r.rating, r.comment],
    );
    return rows[0] ? toRating(rows[0]) : null;
  },

  async forTicket(sql: Sql, workspaceId: string, ticketId: string): Promise<TCsatRating[]> {
    const { rows } = await sql.query<CsatRow>(
      `select ticket_id, resolution, rating, comment, created_at from ticket.csat_ratings
        where workspace_id = $1 and ticket_id = $2 order by resolution`,
      [workspaceId, ticketId],
    );
    return rows.map(toRating);
  },
};
