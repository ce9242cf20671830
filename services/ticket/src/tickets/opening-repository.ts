import type { TCategoryDef, TCustomFieldDef } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { defaultCategoryDefs } from "../fields/field-repository.ts";

/** Everything opening a ticket reads before it writes. */
export interface OpeningContext {
  /** The ticket's number (see migration 0200: a rolled-back or refused creation leaves a gap). */
  number: number;
  /** The transaction's start, which is what `created_at` defaults to. */
  now: string;
  categories: TCategoryDef[];
  customFields: TCustomFieldDef[];
  /** The live group the category routes to, if any. */
  routeGroupId: string | null;
}

/**
 * Reads what opening a ticket needs (its number, the workspace's categories and custom fields, the
 * category's route) in one round trip: these are the same rows the field and routing repositories
 * read one query at a time, gathered here because creation is the hot path.
 */
export const openingRepository = {
  async read(tx: Sql, workspaceId: string, category: string): Promise<OpeningContext> {
    const { rows } = await tx.query<{
      number: number;
      now: Date;
      categories: TCategoryDef[] | null;
      custom_fields: TCustomFieldDef[] | null;
      route_group_id: string | null;
    }>(
      `select ticket.next_ticket_number($1) as number, now() as now,
         (select json_agg(json_build_object('key', key, 'label', label, 'active', active)
                 order by key)
            from ticket.ticket_categories where workspace_id = $1) as categories,
         (select json_agg(json_build_object('key', key, 'label', label, 'type', type,
                   'options', options, 'required', required, 'active', active) order by key)
            from ticket.ticket_field_defs where workspace_id = $1) as custom_fields,
         (select r.group_id from ticket.category_routes r
            join ticket.directory_groups g
              on g.group_id = r.group_id and g.workspace_id = r.workspace_id and not g.deleted
           where r.workspace_id = $1 and r.category = $2) as route_group_id`,
      [workspaceId, category],
    );
    const r = rows[0];
    if (!r) throw new Error("opening context returned no row");
    return {
      number: r.number,
      now: new Date(r.now).toISOString(),
      categories: r.categories ?? defaultCategoryDefs,
      customFields: r.custom_fields ?? [],
      routeGroupId: r.route_group_id,
    };
  },
};
