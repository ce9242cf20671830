export { createTicketService, type TicketService, type TicketServiceOptions } from "./service.ts";
export type { TicketRouter } from "./router.ts";
export { ticketRouter } from "./router.ts";
export { attachmentEnvFields } from "./env.ts";
export type { TicketDeps, TicketHooks, TicketChange } from "./deps.ts";
export { asPerson, asSystem, type Actor } from "./shared/actor.ts";
// The lifecycle use-cases other parts of the service (the SLA engine) call; actor.who null = system.
export { changeStatus, closeTicket, applyStatus } from "./tickets/change-status.ts";
export { changePriority, applyPriority } from "./tickets/change-priority.ts";
export { assignTicket, applyAssignment } from "./tickets/assign-ticket.ts";
export { ticketRepository, type StoredTicket } from "./tickets/ticket-repository.ts";
export { restEndpoints } from "./rest/rest-routes.ts";
