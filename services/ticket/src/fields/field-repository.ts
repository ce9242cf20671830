import { defaultCategories, type TCategoryDef, type TCustomFieldDef } from "@signpost/contracts";
import type { Sql } from "@signpost/db";

const titleCase = (key: string) => key.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

/** The categories every workspace starts with, until an admin sets its own. */
export const defaultCategoryDefs: TCategoryDef[] = defaultCategories.map((key) => ({
  key,
  label: titleCase(key),
  active: true,
}));

interface FieldRow {
  key: string;
  label: string;
  type: TCustomFieldDef["type"];
  options: string[];
  required: boolean;
  active: boolean;
}

export const fieldRepository = {
  async categories(sql: Sql, workspaceId: string): Promise<TCategoryDef[]> {
    const { rows } = await sql.query<TCategoryDef>(
      `select key, label, active from ticket.ticket_categories where workspace_id = $1 order by key`,
      [workspaceId],
    );
    return rows.length > 0 ? rows : defaultCategoryDefs;
  },

  /** Replaces the workspace's categories; ones no longer listed stay (inactive) for old tickets. */
  async setCategories(tx: Sql, workspaceId: string, cats: { key: string; label: string }[]) {
    await tx.query(`update ticket.ticket_categories set active = false where workspace_id = $1`, [
      workspaceId,
    ]);
    for (const c of cats) {
      await tx.query(
        `insert into ticket.ticket_categories (workspace_id, key, label, active)
         values ($1, $2, $3, true)
         on conflict (workspace_id, key) do update set label = excluded.label, active = true`,
        [workspaceId, c.key, c.label],
      );
    }
  },

  async customFields(sql: Sql, workspaceId: string): Promise<TCustomFieldDef[]> {
    const { rows } = await sql.query<FieldRow>(
      `select key, label, type, options, required, active from ticket.ticket_field_defs
        where workspace_id = $1 order by key`,
      [workspaceId],
    );
    return rows;
  },

  async defineCustomField(sql: Sql, workspaceId: string, f: TCustomFieldDef) {
    await sql.query(
      `insert into ticket.ticket_field_defs (workspace_id, key, label, type, options, required, active)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (workspace_id, key) do update set label = excluded.label,
         options = excluded.options, required = excluded.required, active = excluded.active`,
      [workspaceId, f.key, f.label, f.type, f.options, f.required, f.active],
    );
  },
};
