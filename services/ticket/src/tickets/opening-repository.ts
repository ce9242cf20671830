import type { TCategoryDef, TCustomFieldDef } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { defaultCategoryDefs } from "../fields/field-repository.ts";
import { policyRepository, type KnownSla } from "../sla/policy-repository.ts";

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
  /** The SLA policy (and its calendar) that applies to the ticket as opened. */
  sla: KnownSla;
}

/** What decides a ticket's opening context. */
export interface OpeningKey {
  workspaceId: string;
  category: string;
  priority: string;
  orgId: string | null;
}

/**
 * Reads what opening tickets needs (each one's number, its workspace's categories and custom
 * fields, its category's route, its SLA policy) in one round trip: these are the same rows the
 * field, routing and SLA repositories read one query at a time, gathered here because creation is
 * the hot path. Many openings (a group commit's) share the one statement; a workspace's categories
 * and fields are aggregated once however many of its tickets are in it.
 */
export const openingRepository = {
  async read(tx: Sql, key: OpeningKey): Promise<OpeningContext> {
    const [ctx] = await openingRepository.readMany(tx, [key]);
    if (!ctx) throw new Error("opening context returned no row");
    return ctx;
  },

  /** The contexts of `keys`, in their order. */
  async readMany(tx: Sql, keys: OpeningKey[]): Promise<OpeningContext[]> {
    const { rows } = await tx.query<{
      number: number;
      now: Date;
      categories: TCategoryDef[] | null;
      custom_fields: TCustomFieldDef[] | null;
      route_group_id: string | null;
      sla: unknown;
    }>(
      `with k as (
         select * from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[])
           with ordinality as k(workspace_id, category, priority, org_id, ord)),
       ws as (
         select w.workspace_id,
           (select json_agg(json_build_object('key', key, 'label', label, 'active', active)
                   order by key)
              from ticket.ticket_categories where workspace_id = w.workspace_id) as categories,
           (select json_agg(json_build_object('key', key, 'label', label, 'type', type,
                     'options', options, 'required', required, 'active', active) order by key)
              from ticket.ticket_field_defs where workspace_id = w.workspace_id) as custom_fields
           from (select distinct workspace_id from k) w)
       select ticket.next_ticket_number(k.workspace_id) as number, now() as now,
         ws.categories, ws.custom_fields,
         (select r.group_id from ticket.category_routes r
            join ticket.directory_groups g
              on g.group_id = r.group_id and g.workspace_id = r.workspace_id and not g.deleted
           where r.workspace_id = k.workspace_id and r.category = k.category) as route_group_id,
         ${policyRepository.applicableSql("k.workspace_id", "k.priority", "k.category", "k.org_id")} as sla
         from k join ws on ws.workspace_id = k.workspace_id
        order by k.ord`,
      [
        keys.map((k) => k.workspaceId),
        keys.map((k) => k.category),
        keys.map((k) => k.priority),
        keys.map((k) => k.orgId),
      ],
      // Every creation batch runs it: parsed and planned once per connection.
      { prepare: true },
    );
    return rows.map((r) => ({
      number: r.number,
      now: new Date(r.now).toISOString(),
      categories: r.categories ?? defaultCategoryDefs,
      customFields: r.custom_fields ?? [],
      routeGroupId: r.route_group_id,
      sla: policyRepository.toApplicable(r.sla),
    }));
  },
};
