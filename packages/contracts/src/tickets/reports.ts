import { z } from "zod";

/** A report's date range, [from, to). */
export const ZReportRange = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), "from must be before to")
  .refine(
    (r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000,
    "a report covers at most 400 days",
  );
export type TReportRange = z.infer<typeof ZReportRange>;

/**
 * One agent's work in a range. A solved ticket counts for its assignee (or whoever resolved it
 * when unassigned); a first response for whoever wrote it; a rating for the ticket's solver.
 */
export const ZAgentPerformanceRow = z.object({
  agentId: z.uuid(),
  name: z.string(),
  solved: z.number().int(),
  /** Average minutes from opening to the first public reply they wrote; null when none. */
  avgFirstResponseMinutes: z.number().nullable(),
  /** Average minutes from opening to resolution of the tickets they solved; null when none. */
  avgResolutionMinutes: z.number().nullable(),
  csatCount: z.number().int(),
  /** Average rating (1-5) of the tickets they solved; null before any rating. */
  csatAverage: z.number().nullable(),
});
export type TAgentPerformanceRow = z.infer<typeof ZAgentPerformanceRow>;

export const ZAgentPerformance = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  agents: z.array(ZAgentPerformanceRow),
});
export type TAgentPerformance = z.infer<typeof ZAgentPerformance>;

/** Customer satisfaction in a range: how many rated what, the average, and what they wrote. */
export const ZCsatReport = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  count: z.number().int(),
  average: z.number().nullable(),
  /** Ratings per score, 1 to 5 in order (always five entries). */
  distribution: z.array(z.object({ rating: z.number().int(), count: z.number().int() })),
  /** The newest ratings that came with a comment. */
  recentComments: z.array(
    z.object({
      ticketId: z.uuid(),
      number: z.number().int(),
      subject: z.string(),
      rating: z.number().int(),
      comment: z.string(),
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type TCsatReport = z.infer<typeof ZCsatReport>;

/**
 * What a customer sees of their ticket's SLA: when to expect a first reply and a resolution.
 * No policy, warning or escalation detail: those are for staff.
 */
export const ZCustomerSla = z.object({
  ticketId: z.uuid(),
  state: z.enum(["running", "paused", "met", "breached", "none"]),
  /** While no staff reply has come: when one is due. */
  firstResponseDueAt: z.iso.datetime({ offset: true }).nullable(),
  /** While unresolved and running: when resolution is due. */
  resolutionDueAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TCustomerSla = z.infer<typeof ZCustomerSla>;
