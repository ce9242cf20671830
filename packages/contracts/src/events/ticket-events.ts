import { z } from "zod";
import { defineEvent } from "./envelope.ts";
import { ZTicketPriority } from "../tickets/ticket.ts";

// Events carry ids and the few fields consumers route on, not personal data: a consumer that needs
// more asks the owning service's API with its own credentials.

export const ticketCreatedV1 = defineEvent(
  "ticket.created",
  1,
  z.object({
    ticketId: z.uuid(),
    number: z.number().int().positive(),
    requesterId: z.uuid(),
    priority: ZTicketPriority,
    category: z.string(),
    groupId: z.uuid().nullable(),
  }),
);

export const ticketResolvedV1 = defineEvent(
  "ticket.resolved",
  1,
  z.object({
    ticketId: z.uuid(),
    number: z.number().int().positive(),
    resolvedAt: z.iso.datetime({ offset: true }),
  }),
);

/** v2 carries the resolution document, so the KB can index it without reading ticket tables. */
export const ticketResolvedV2 = defineEvent(
  "ticket.resolved",
  2,
  z.object({
    ticketId: z.uuid(),
    number: z.number().int().positive(),
    resolvedAt: z.iso.datetime({ offset: true }),
    subject: z.string(),
    description: z.string(),
    category: z.string(),
    /** The public reply that resolved it; never an internal note. */
    resolution: z.string().nullable(),
  }),
);
