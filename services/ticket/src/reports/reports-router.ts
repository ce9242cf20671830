import { ZAgentPerformance, ZCsatReport, ZReportRange } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { agentPerformance } from "./agent-performance.ts";
import { csatReport } from "./csat-report.ts";

/** Reports over a date range (admins). */
export const reportsRouter = (deps: TicketDeps) =>
  router({
    agentPerformance: authedProcedure
      .input(ZReportRange)
      .output(ZAgentPerformance)
      .query(({ ctx, input }) => agentPerformance(deps, ctx.identity, input)),
    csat: authedProcedure
      .input(ZReportRange)
      .output(ZCsatReport)
      .query(({ ctx, input }) => csatReport(deps, ctx.identity, input)),
  });
