import { randomUUID } from "node:crypto";
import {
  AppError,
  isStaff,
  type TIdentity,
  type TTicket,
  type TTicketChannel,
  type TTicketPriority,
  type ZCreateTicketInput,
} from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { runHooks, type TicketDeps } from "../deps.ts";
import { auditRepository } from "../audit/audit-repository.ts";
import { directoryRepository } from "../directory/directory-repository.ts";
import { assertCategory, mergeCustomFields } from "../fields/validate-fields.ts";
import { pickAgent } from "../routing/pick-agent.ts";
import { asPerson, type Actor } from "../shared/actor.ts";
import { emitStatement, headerOf } from "../shared/emit.ts";
import { WriteBatch } from "../shared/write-batch.ts";
import { openingRepository, type OpeningContext } from "./opening-repository.ts";
import {
  ticketRepository,
  toTicket,
  type NewTicket,
  type StoredTicket,
  type TicketRow,
} from "./ticket-repository.ts";
import { toTicketDto } from "./to-dto.ts";

export interface NewTicketInput {
  subject: string;
  description: string;
  priority: TTicketPriority;
  category: string;
  tags: string[];
  source: TTicketChannel;
  requesterId: string;
  orgId: string | null;
  customFields: Record<string, string | number | null>;
  inboundMessageId?: string | null;
  /** Tickets the system opens (mail, split) cannot fill required custom fields; agents do later. */
  skipRequiredFields?: boolean;
}

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
  const workspaceId = actor.workspaceId;
  // One read for number, categories, fields and route; then one statement for every row below.
  // The number comes from a sequence (no lock held to commit), so creations run side by side.
  const ctx = prefetched ?? (await openingRepository.read(tx, workspaceId, input.category));
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
  await runHooks(deps, tx, { before: null, after: ticket, actor, cause: "created", writes });
  const [written] = await writes.flush<TicketRow>(tx, ticketRepository.insertStatement(row));
  if (!written) throw new Error("ticket insert returned no row");
  return toTicket(written);
}

/**
 * Opens a ticket as `who`. A customer files for themselves from the portal; staff may file for a
 * known person and name the channel (phone, chat, ...).
 */
export async function createTicket(
  deps: TicketDeps,
  who: TIdentity,
  input: z.output<typeof ZCreateTicketInput>,
  requestId?: string,
): Promise<TTicket> {
  authorize(who, "ticket.create");
  const staff = isStaff(who);
  let requesterId = who.userId;
  let orgId = who.orgId;
  if (staff && input.requesterId && input.requesterId !== who.userId) {
    const person = await directoryRepository.findPerson(
      deps.db,
      who.workspaceId,
      input.requesterId,
    );
    if (!person?.active) throw new AppError("BAD_REQUEST", "Unknown requester");
    requesterId = person.userId;
    orgId = person.orgId;
  }
  const actor = asPerson(who, requestId);
  const opening: NewTicketInput = {
    subject: input.subject,
    description: input.description,
    priority: input.priority,
    category: input.category,
    tags: input.tags,
    source: staff ? (input.source ?? "portal") : "portal",
    requesterId,
    orgId,
    customFields: input.customFields,
  };
  const ctx = await openingRepository.read(deps.db, who.workspaceId, input.category);
  // Unrouted, a ticket's rows are one statement, atomic by itself: no transaction to open and
  // commit (two round trips fewer on the hottest path). Routing locks the group while it picks an
  // agent and records the pick, so it runs in a transaction.
  const ticket = ctx.routeGroupId
    ? await deps.db.transaction((tx) => createTicketIn(deps, tx, actor, opening, ctx))
    : await createTicketIn(deps, deps.db, actor, opening, ctx);
  deps.kickRelay();
  return toTicketDto(ticket);
}
