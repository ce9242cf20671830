export { createTicketService } from "./service.ts";
export type { TicketRouter } from "./router.ts";
export { ticketRouter } from "./router.ts";
