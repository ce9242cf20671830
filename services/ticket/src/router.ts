import { router } from "@signpost/service-kit";
import type { TicketDeps } from "./deps.ts";
import { auditRouter } from "./audit/audit-router.ts";
import { commentsRouter } from "./comments/comments-router.ts";
import { statusesRouter } from "./statuses/statuses-router.ts";
import { slaRouter } from "./sla/sla-router.ts";
import { ticketsRouter } from "./tickets/tickets-router.ts";
import { viewsRouter } from "./views/views-router.ts";
import { routingRouter } from "./routing/routing-router.ts";
import { fieldsRouter } from "./fields/fields-router.ts";
import { csatRouter } from "./csat/csat-router.ts";
import { macrosRouter } from "./macros/macros-router.ts";
import { reportsRouter } from "./reports/reports-router.ts";

export const ticketRouter = (deps: TicketDeps) =>
  router({
    tickets: ticketsRouter(deps),
    comments: commentsRouter(deps),
    statuses: statusesRouter(deps),
    audit: auditRouter(deps),
    views: viewsRouter(deps),
    routing: routingRouter(deps),
    fields: fieldsRouter(deps),
    csat: csatRouter(deps),
    macros: macrosRouter(deps),
    sla: slaRouter(deps),
    reports: reportsRouter(deps),
  });

/** The only thing `web/` takes from this service: the router's type. */
export type TicketRouter = ReturnType<typeof ticketRouter>;
