import { router } from "@signpost/service-kit";
import type { TicketDeps } from "./deps.ts";
import { slaRouter } from "./sla/sla-router.ts";
import { ticketsRouter } from "./tickets/tickets-router.ts";

export const ticketRouter = (deps: TicketDeps) =>
  router({ tickets: ticketsRouter(deps), sla: slaRouter(deps) });

/** The only thing `web/` takes from this service: the router's type. */
export type TicketRouter = ReturnType<typeof ticketRouter>;
