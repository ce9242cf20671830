import { randomUUID } from "node:crypto";
import type { Sql } from "@signpost/db";
import { runHooks, type TicketDeps } from "../deps.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { assertCategory, mergeCustomFields } from "../fields/validate-fields.ts";
import { pickAgent } from "../routing/pick-agent.ts";
import type { Actor } from "../shared/actor.ts";
import { emitStatement, headerOf } from "../shared/emit.ts";
import { combine, WriteBatch, type Statement } from "../shared/write-batch.ts";
import { openingRepository, type OpeningContext, type OpeningKey } from "./opening-repository.ts";
import {
  ticketRepository,
  toTicket,
  type NewTicket,
  type StoredTicket,
  type TicketRow,
} from "./ticket-repository.ts";

/** What opening a ticket takes: the row's own fields, before numbering and routing fill the rest. */
export type NewTicketInput = Pick<
  NewTicket,
  | "subject"
  | "description"
  | "priority"
  | "category"
  | "tags"
  | "source"
  | "requesterId"
  | "orgId"
  | "customFields"
> & {
  inboundMessageId?: string | null;
  /** Tickets the system opens (mail, split) cannot fill required custom fields; agents do later. */
  skipRequiredFields?: boolean;
};

/**
 * Opens a ticket inside `tx`: checks category and custom fields, routes it by category (group, then
 * round-robin agent), audits, and records `ticket.created` (the acknowledgement mail's trigger).
 */
export async function createTicketIn(
  deps: TicketDeps,
  tx: Sql,
  actor: Actor,
  input: NewTicketInput,
  prefetched?: OpeningContext,
): Promise<StoredTicket> {
  const ctx = prefetched ?? (await openingRepository.read(tx, openingKey(actor, input)));
  const { text, params } = combine((await prepareTicket(deps, tx, actor, input, ctx)).writes);
  const { rows } = await tx.query<TicketRow>(text, params);
  const [written] = rows;
  if (!written) throw new Error("ticket insert returned no row");
  return toTicket(written);
}

/** What decides the opening context of `input`'s ticket. */
export const openingKey = (actor: Actor, input: NewTicketInput): OpeningKey => ({
  workspaceId: actor.workspaceId,
  category: input.category,
  priority: input.priority,
  orgId: input.orgId,
});

/** A ticket ready to be written: its id, and its writes with the ticket's insert first. */
export interface PreparedTicket {
  id: string;
  writes: Statement[];
}

/**
 * Everything opening a ticket writes, as statements for one round trip (the ticket's insert,
 * returning its row, first): validation and routing happen here; nothing is written yet unless the
 * category routes (picking an agent records the pick in `tx`).
 */
export async function prepareTicket(
  deps: TicketDeps,
  tx: Sql,
  actor: Actor,
  input: NewTicketInput,
  ctx: OpeningContext,
): Promise<PreparedTicket> {
  const workspaceId = actor.workspaceId;
  // One read for number, categories, fields, route and SLA policy; then one statement for every
  // row below. The number comes from a sequence (no lock held to commit), so creations run side
  // by side.
  assertCategory(ctx.categories, input.category);
  const customFields = mergeCustomFields(
    ctx.customFields,
    {},
    input.customFields,
    !input.skipRequiredFields,
  );
  const groupId = ctx.routeGroupId;
  const assigneeId = groupId ? await pickAgent(tx, workspaceId, groupId) : null;
  const row: NewTicket = {
    id: randomUUID(),
    workspaceId,
    number: ctx.number,
    subject: input.subject,
    description: input.description,
    status: "open",
    statusKey: "open",
    priority: input.priority,
    category: input.category,
    tags: [...new Set(input.tags)],
    source: input.source,
    requesterId: input.requesterId,
    orgId: input.orgId,
    customFields,
    inboundMessageId: input.inboundMessageId ?? null,
    assigneeId,
    groupId,
    createdAt: ctx.now,
  };
  // What the insert will return (`created_at` is `ctx.now`), so the audit, the event and the hooks'
  // rows can be written in the same statement as the ticket.
  const { createdAt: _c, inboundMessageId: _m, ...fields } = row;
  const ticket: StoredTicket = {
    ...fields,
    assigneeId,
    groupId,
    collaboratorIds: [],
    mergedIntoId: null,
    resolutionCount: 0,
    closeReason: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
  };
  const writes = new WriteBatch();
  writes.add(
    auditRepository.recordStatement(actor, {
      ticketId: ticket.id,
      action: "created",
      changes: [
        { field: "status", from: null, to: ticket.statusKey },
        { field: "priority", from: null, to: ticket.priority },
        { field: "category", from: null, to: ticket.category },
        ...(groupId ? [{ field: "groupId", from: null, to: groupId }] : []),
        ...(assigneeId ? [{ field: "assigneeId", from: null, to: assigneeId }] : []),
      ],
    }),
  );
  writes.add(
    emitStatement(actor, ticket, "ticket.created", {
      ...headerOf(ticket),
      priority: ticket.priority,
      category: ticket.category,
      source: ticket.source,
      inboundMessageId: input.inboundMessageId ?? null,
    }),
  );
  await runHooks(deps, tx, {
    before: null,
    after: ticket,
    actor,
    cause: "created",
    writes,
    knownSla: ctx.sla,
  });
  return { id: row.id, writes: writes.take(ticketRepository.insertStatement(row)) };
}
