import { z } from "zod";
import { ZAuditEntry, ZAuditQuery } from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { readAuditLog } from "./read-audit-log.ts";

/** Staff read a ticket's history: who changed what, when, before and after. */
export const auditRouter = (deps: TicketDeps) =>
  router({
    forTicket: authedProcedure
      .input(ZAuditQuery)
      .output(z.array(ZAuditEntry))
      .query(({ ctx, input }) => readAuditLog(deps, ctx.identity, input)),
  });
