import {
  AppError,
  isStaff,
  type TIdentity,
  type TTicketPage,
  type ZListTicketsInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { TicketDeps } from "../deps.ts";
import { viewRepository } from "../views/view-repository.ts";
import { buildListQuery, cursorSize, encodeCursor, toRowSla, type SlaRow } from "./list-query.ts";
import { toTicket, type TicketRow } from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

type ListInput = z.output<typeof ZListTicketsInput>;

/**
 * A page of tickets, filtered and sorted. Staff see the workspace's tickets; a customer only their
 * organization's, whatever filters they send.
 */
export async function listTickets(
  deps: TicketDeps,
  who: TIdentity,
  input: ListInput,
): Promise<TTicketPage> {
  authorize(who, "ticket.list");
  const staff = isStaff(who);
  // A customer without an organization has nothing to see (never "everything").
  if (!staff && who.orgId === null) return { tickets: [], nextCursor: null };
  let { filters, sort } = input;
  if (input.viewId) {
    const view = await viewRepository.find(deps.db, who.workspaceId, who.userId, input.viewId);
    if (!view) throw new AppError("NOT_FOUND", "Not found");
    filters = { ...view.filters, ...filters };
    sort = view.sort;
  }
  const { text, params } = buildListQuery({
    workspaceId: who.workspaceId,
    confineToOrg: staff ? null : who.orgId,
    withSla: staff,
    filters,
    sort,
    limit: input.limit,
    cursor: input.cursor,
  });
  const { rows } = await deps.db.query<TicketRow & Partial<SlaRow> & Record<string, unknown>>(
    text,
    params,
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const more = rows.length > input.limit && last;
  return {
    tickets: page.map((r) => ({ ...toTicketDto(toTicket(r)), sla: toRowSla(r) })),
    nextCursor: more
      ? encodeCursor(
          Array.from({ length: cursorSize(sort) }, (_, i) => String(last[`cursor_${i}`])),
        )
      : null,
  };
}
