import type { Sql } from "@signpost/db";

/** The only code that reads and writes `kb.drafts`. */
export const draftRepository = {
  async insert(
    sql: Sql,
    d: {
      id: string;
      workspaceId: string;
      ticketId: string;
      agentId: string;
      generatedBy: string;
      sourceIds: string[];
    },
  ) {
    await sql.query(
      `insert into kb.drafts (id, workspace_id, ticket_id, agent_id, generated_by, source_ids)
       values ($1, $2, $3, $4, $5, $6)`,
      [d.id, d.workspaceId, d.ticketId, d.agentId, d.generatedBy, d.sourceIds],
    );
  },

  /** Records which offered sources the agent kept; only sources the draft offered count. */
  async recordUse(
    sql: Sql,
    workspaceId: string,
    draftId: string,
    used: string[],
  ): Promise<boolean> {
    const { rowCount } = await sql.query(
      `update kb.drafts set used_at = now(),
         used_source_ids = array(select unnest($3::uuid[]) intersect select unnest(source_ids))
       where workspace_id = $1 and id = $2`,
      [workspaceId, draftId, used],
    );
    return rowCount > 0;
  },
};
