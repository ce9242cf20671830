import { z } from "zod";
import {
  ZBusinessCalendar,
  ZBusinessCalendarInput,
  ZCalendarUpdate,
  ZCustomerSla,
  ZSlaCompliance,
  ZSlaComplianceInput,
  ZSlaPolicy,
  ZSlaPolicyInput,
  ZSlaPolicyUpdate,
  ZSlaSettings,
  ZTicketRef,
  ZTicketSla,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import {
  createCalendar,
  deleteCalendar,
  listCalendars,
  updateCalendar,
} from "./manage-calendars.ts";
import { createPolicy, deletePolicy, listPolicies, updatePolicy } from "./manage-policies.ts";
import { getSlaSettings, setSlaSettings } from "./sla-settings.ts";
import { getTicketSla, slaCompliance } from "./sla-reports.ts";
import { customerSla } from "./customer-sla.ts";

const ZDeleted = z.object({ deleted: z.literal(true) });

export const slaRouter = (deps: TicketDeps) =>
  router({
    policies: router({
      list: authedProcedure
        .output(z.array(ZSlaPolicy))
        .query(({ ctx }) => listPolicies(deps, ctx.identity)),
      create: authedProcedure
        .input(ZSlaPolicyInput)
        .output(ZSlaPolicy)
        .mutation(({ ctx, input }) => createPolicy(deps, ctx.identity, input)),
      update: authedProcedure
        .input(ZSlaPolicyUpdate)
        .output(ZSlaPolicy)
        .mutation(({ ctx, input }) => updatePolicy(deps, ctx.identity, input)),
      delete: authedProcedure
        .input(z.object({ policyId: z.uuid() }))
        .output(ZDeleted)
        .mutation(({ ctx, input }) => deletePolicy(deps, ctx.identity, input.policyId)),
    }),
    calendars: router({
      list: authedProcedure
        .output(z.array(ZBusinessCalendar))
        .query(({ ctx }) => listCalendars(deps, ctx.identity)),
      create: authedProcedure
        .input(ZBusinessCalendarInput)
        .output(ZBusinessCalendar)
        .mutation(({ ctx, input }) => createCalendar(deps, ctx.identity, input)),
      update: authedProcedure
        .input(ZCalendarUpdate)
        .output(ZBusinessCalendar)
        .mutation(({ ctx, input }) => updateCalendar(deps, ctx.identity, input)),
      delete: authedProcedure
        .input(z.object({ calendarId: z.uuid() }))
        .output(ZDeleted)
        .mutation(({ ctx, input }) => deleteCalendar(deps, ctx.identity, input.calendarId)),
    }),
    settings: router({
      get: authedProcedure
        .output(ZSlaSettings)
        .query(({ ctx }) => getSlaSettings(deps, ctx.identity)),
      set: authedProcedure
        .input(ZSlaSettings)
        .output(ZSlaSettings)
        .mutation(({ ctx, input }) => setSlaSettings(deps, ctx.identity, input)),
    }),
    ticket: authedProcedure
      .input(ZTicketRef)
      .output(ZTicketSla)
      .query(({ ctx, input }) => getTicketSla(deps, ctx.identity, input.ticketId)),
    /** The countdown the requester's side sees on the portal (anyone who may read the ticket). */
    countdown: authedProcedure
      .input(ZTicketRef)
      .output(ZCustomerSla)
      .query(({ ctx, input }) => customerSla(deps, ctx.identity, input.ticketId)),
    compliance: authedProcedure
      .input(ZSlaComplianceInput)
      .output(ZSlaCompliance)
      .query(({ ctx, input }) => slaCompliance(deps, ctx.identity, input)),
  });
