import { z } from "zod";
import { ZTicketPriority } from "./ticket.ts";

/** "HH:MM" on a 24-hour clock; "24:00" ends a day that works until midnight. */
const ZWallTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "time must be HH:MM (00:00 to 24:00)");

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZTimeZone = z.string().min(1).max(64).refine(isTimeZone, "unknown IANA time zone");

/** One span of working time on a weekday (0 = Sunday ... 6 = Saturday), in the calendar's zone. */
export const ZWorkingHours = z
  .object({ day: z.number().int().min(0).max(6), start: ZWallTime, end: ZWallTime })
  .refine((h) => h.start < h.end, "a working span must end after it starts");
export type TWorkingHours = z.infer<typeof ZWorkingHours>;

export const ZHoliday = z.object({
  date: z.iso.date(),
  name: z.string().trim().max(100).default(""),
});

const calendarFields = {
  name: z.string().trim().min(1).max(100),
  timeZone: ZTimeZone,
  hours: z.array(ZWorkingHours).min(1, "a calendar needs at least one working span").max(50),
  holidays: z.array(ZHoliday).max(500),
};

export const ZBusinessCalendarInput = z.object({
  ...calendarFields,
  holidays: calendarFields.holidays.default([]),
});

export const ZBusinessCalendar = ZBusinessCalendarInput.extend({ id: z.uuid() });
export type TBusinessCalendar = z.infer<typeof ZBusinessCalendar>;

/** Targets in minutes; fractions are allowed (tests and very tight chat SLAs use seconds). */
const ZTargetMinutes = z.number().positive().max(525_600);

const policyFields = {
  name: z.string().trim().min(1).max(100),
  priority: ZTicketPriority,
  /** Narrows the policy to one category; null matches every category. */
  category: z.string().trim().min(1).max(64).nullable(),
  /** Narrows the policy to one customer organization; null matches all. */
  orgId: z.uuid().nullable(),
  firstResponseMinutes: ZTargetMinutes,
  resolutionMinutes: ZTargetMinutes,
  /** Business time on this calendar; null counts calendar time. */
  calendarId: z.uuid().nullable(),
  /** On breach: raise the priority one step. */
  escalateRaisePriority: z.boolean(),
  /** On breach: move the ticket to this group. */
  escalateGroupId: z.uuid().nullable(),
};

export const ZSlaPolicyInput = z.object({
  ...policyFields,
  category: policyFields.category.default(null),
  orgId: policyFields.orgId.default(null),
  calendarId: policyFields.calendarId.default(null),
  escalateRaisePriority: policyFields.escalateRaisePriority.default(false),
  escalateGroupId: policyFields.escalateGroupId.default(null),
});

export const ZSlaPolicy = ZSlaPolicyInput.extend({ id: z.uuid() });
export type TSlaPolicy = z.infer<typeof ZSlaPolicy>;

// Updates list only what changes: no defaults, so an absent field keeps its value.
export const ZSlaPolicyUpdate = z.object(policyFields).partial().extend({ policyId: z.uuid() });
export const ZCalendarUpdate = z.object(calendarFields).partial().extend({ calendarId: z.uuid() });

export const slaStates = ["ok", "warning", "breached", "paused", "met"] as const;
export const ZSlaState = z.enum(slaStates);
export type TSlaState = z.infer<typeof ZSlaState>;

export const ZSlaMetricState = z.enum(["pending", "met", "breached"]);

/** A ticket's SLA as agents see it. */
export const ZTicketSla = z.object({
  ticketId: z.uuid(),
  state: ZSlaState,
  /** The nearest due date still running (null when nothing runs). */
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  policyId: z.uuid().nullable(),
  firstResponse: z.object({
    state: ZSlaMetricState,
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    warned: z.boolean(),
  }),
  resolution: z.object({
    state: ZSlaMetricState,
    dueAt: z.iso.datetime({ offset: true }).nullable(),
    warned: z.boolean(),
    pausedSince: z.iso.datetime({ offset: true }).nullable(),
  }),
});
export type TTicketSla = z.infer<typeof ZTicketSla>;

export const ZSlaSettings = z.object({
  /** Resolved tickets close by themselves after this many days; 0 turns it off. */
  autoCloseDays: z.number().min(0).max(365),
});
export type TSlaSettings = z.infer<typeof ZSlaSettings>;

export const ZSlaComplianceInput = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((r) => r.from < r.to, "from must be before to");

/** SLA compliance of the targets that came due or were met in a date range. */
export const ZSlaCompliance = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  firstResponse: z.object({ met: z.number().int(), breached: z.number().int() }),
  resolution: z.object({ met: z.number().int(), breached: z.number().int() }),
  /** met / (met + breached) over both metrics; null when nothing came due. */
  compliance: z.number().min(0).max(1).nullable(),
});
export type TSlaCompliance = z.infer<typeof ZSlaCompliance>;
