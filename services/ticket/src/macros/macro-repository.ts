import {
  portalTemplateTag,
  type TMacro,
  type TPortalTemplate,
  type TTicketTemplate,
} from "@signpost/contracts";
import type { Sql } from "@signpost/db";

interface MacroRow {
  id: string;
  name: string;
  body: string;
  visibility: TMacro["visibility"];
  actions: TMacro["actions"];
}
interface TemplateRow {
  id: string;
  name: string;
  subject: string;
  description: string;
  category: string;
  priority: TTicketTemplate["priority"];
  tags: string[];
}

/** Canned responses (macros) and ticket templates, shared by a workspace's staff. */
export const macroRepository = {
  async insertMacro(sql: Sql, workspaceId: string, createdBy: string, m: TMacro) {
    await sql.query(
      `insert into ticket.macros (id, workspace_id, name, body, visibility, actions, created_by)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [m.id, workspaceId, m.name, m.body, m.visibility, JSON.stringify(m.actions), createdBy],
    );
  },
  async macros(sql: Sql, workspaceId: string): Promise<TMacro[]> {
    const { rows } = await sql.query<MacroRow>(
      `select id, name, body, visibility, actions from ticket.macros where workspace_id = $1
        order by name`,
      [workspaceId],
    );
    return rows;
  },
  async findMacro(sql: Sql, workspaceId: string, id: string): Promise<TMacro | null> {
    const { rows } = await sql.query<MacroRow>(
      `select id, name, body, visibility, actions from ticket.macros
        where workspace_id = $1 and id = $2`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  },
  async removeMacro(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    const r = await sql.query(`delete from ticket.macros where workspace_id = $1 and id = $2`, [
      workspaceId,
      id,
    ]);
    return r.rowCount > 0;
  },
  async insertTemplate(sql: Sql, workspaceId: string, t: TTicketTemplate) {
    await sql.query(
      `insert into ticket.ticket_templates
         (id, workspace_id, name, subject, description, category, priority, tags)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [t.id, workspaceId, t.name, t.subject, t.description, t.category, t.priority, t.tags],
    );
  },
  async templates(sql: Sql, workspaceId: string): Promise<TTicketTemplate[]> {
    const { rows } = await sql.query<TemplateRow>(
      `select id, name, subject, description, category, priority, tags
         from ticket.ticket_templates where workspace_id = $1 order by name`,
      [workspaceId],
    );
    return rows;
  },
  /** The workspace's templates tagged for the portal, without their tags. */
  async portalTemplates(sql: Sql, workspaceId: string): Promise<TPortalTemplate[]> {
    const { rows } = await sql.query<Omit<TemplateRow, "tags">>(
      `select id, name, subject, description, category, priority
         from ticket.ticket_templates where workspace_id = $1 and $2 = any(tags) order by name`,
      [workspaceId, portalTemplateTag],
    );
    return rows;
  },
};
