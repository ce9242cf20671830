import {
  AppError,
  isStaff,
  type TIdentity,
  type TTicket,
  type ZCreateTicketInput,
} from "@signpost/contracts";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import type { TicketDeps } from "../deps.ts";
import { directoryRepository } from "../directory/directory-repository.ts";
import { asPerson } from "../shared/actor.ts";
import { creationBatch } from "./creation-batch.ts";
import type { NewTicketInput } from "./open-ticket.ts";
import { toTicketDto } from "./to-dto.ts";

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
  // Creations in flight together share their read and their write (see `creationBatch`).
  const ticket = await creationBatch(deps)(actor, opening);
  return toTicketDto(ticket);
}
