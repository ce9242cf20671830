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
import { checkCategory, checkCustomFields } from "../fields/validate-fields.ts";
import { pickAgent } from "../routing/pick-agent.ts";
import { routingRepository } from "../routing/routing-repository.ts";
import { asPerson, type Actor } from "../shared/actor.ts";
import { emit, headerOf } from "../shared/emit.ts";
import { ticketRepository, type StoredTicket } from "./ticket-repository.ts";
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
): Promise<StoredTicket> {
  const workspaceId = actor.workspaceId;
  await checkCategory(tx, workspaceId, input.category);
  const customFields = await checkCustomFields(
    tx,
    workspaceId,
    {},
    input.customFields,
    !input.skipRequiredFields,
  );
  const number = await ticketRepository.nextNumber(tx, workspaceId);
  let ticket = await ticketRepository.insert(tx, {
    id: randomUUID(),
    workspaceId,
    number,
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
  });
  const groupId = await routingRepository.groupForCategory(tx, workspaceId, input.category);
  if (groupId && (await directoryRepository.findGroup(tx, workspaceId, groupId))) {
    const assigneeId = await pickAgent(tx, workspaceId, groupId);
    ticket = await ticketRepository.update(tx, ticket.id, { groupId, assigneeId });
  }
  await auditRepository.record(tx, actor, {
    ticketId: ticket.id,
    action: "created",
    changes: [
      { field: "status", from: null, to: ticket.statusKey },
      { field: "priority", from: null, to: ticket.priority },
      { field: "category", from: null, to: ticket.category },
      ...(ticket.groupId ? [{ field: "groupId", from: null, to: ticket.groupId }] : []),
      ...(ticket.assigneeId ? [{ field: "assigneeId", from: null, to: ticket.assigneeId }] : []),
    ],
  });
  await emit(tx, actor, ticket, "ticket.created", {
    ...headerOf(ticket),
    priority: ticket.priority,
    category: ticket.category,
    source: ticket.source,
    inboundMessageId: input.inboundMessageId ?? null,
  });
  await runHooks(deps, tx, { before: null, after: ticket, actor, cause: "created" });
  return ticket;
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
  const ticket = await deps.db.transaction(async (tx) => {
    let requesterId = who.userId;
    let orgId = who.orgId;
    if (staff && input.requesterId && input.requesterId !== who.userId) {
      const person = await directoryRepository.findPerson(tx, who.workspaceId, input.requesterId);
      if (!person?.active) throw new AppError("BAD_REQUEST", "Unknown requester");
      requesterId = person.userId;
      orgId = person.orgId;
    }
    return createTicketIn(deps, tx, asPerson(who, requestId), {
      subject: input.subject,
      description: input.description,
      priority: input.priority,
      category: input.category,
      tags: input.tags,
      source: staff ? (input.source ?? "portal") : "portal",
      requesterId,
      orgId,
      customFields: input.customFields,
    });
  });
  deps.kickRelay();
  return toTicketDto(ticket);
}
