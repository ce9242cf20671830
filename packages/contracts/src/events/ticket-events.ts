import { z } from "zod";
import { defineEvent } from "./envelope.ts";
import { ZTicketPriority } from "../tickets/ticket.ts";

// Events carry ids, the subject and the few fields consumers route on. People's addresses travel in
// directory events (see directory-events.ts), so consumers keep one projection instead of copies in
// every ticket event. Internal-note text never appears in any event: the notification service
// serves customers too.

/** The fields every ticket event repeats so a consumer can address and label a message. */
const ZTicketHeader = z.object({
  ticketId: z.uuid(),
  number: z.number().int().positive(),
  subject: z.string(),
  requesterId: z.uuid(),
  assigneeId: z.uuid().nullable(),
  groupId: z.uuid().nullable(),
});

export const ZTicketSource = z.enum(["portal", "email", "api", "phone", "chat"]);
/** A status as events show it: the workspace's own key and the kind of the five it maps to. */
export const ZStatusKind = z.enum([
  "open",
  "in_progress",
  "waiting_on_customer",
  "resolved",
  "closed",
]);

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

/** v2 adds what an acknowledgement mail and routing need. */
export const ticketCreatedV2 = defineEvent(
  "ticket.created",
  2,
  ZTicketHeader.extend({
    priority: ZTicketPriority,
    category: z.string(),
    source: ZTicketSource,
    /** Messaging id of the mail that opened it (email source), for threading the acknowledgement. */
    inboundMessageId: z.string().nullable(),
  }),
);

/** Any change of fields other than status, assignee and thread (those have their own events). */
export const ticketUpdatedV1 = defineEvent(
  "ticket.updated",
  1,
  ZTicketHeader.extend({
    actorId: z.uuid().nullable(),
    changes: z.array(
      z.object({
        field: z.string(),
        from: z.unknown(),
        to: z.unknown(),
      }),
    ),
  }),
);

export const ticketStatusChangedV1 = defineEvent(
  "ticket.status_changed",
  1,
  ZTicketHeader.extend({
    actorId: z.uuid().nullable(),
    from: z.object({ key: z.string(), kind: ZStatusKind }),
    to: z.object({ key: z.string(), kind: ZStatusKind }),
  }),
);

export const ticketAssignedV1 = defineEvent(
  "ticket.assigned",
  1,
  ZTicketHeader.extend({
    actorId: z.uuid().nullable(),
    previousAssigneeId: z.uuid().nullable(),
    previousGroupId: z.uuid().nullable(),
  }),
);

export const ticketCommentedV1 = defineEvent(
  "ticket.commented",
  1,
  ZTicketHeader.extend({
    commentId: z.uuid(),
    authorId: z.uuid().nullable(),
    authorIsStaff: z.boolean(),
    visibility: z.enum(["public", "internal"]),
    /** The Markdown text of a public reply; always null for an internal note. */
    body: z.string().nullable(),
    /** Staff mentioned with @; notifications about a note link to it without quoting it. */
    mentionedIds: z.array(z.uuid()),
    attachmentCount: z.number().int().nonnegative(),
    /** Set when the comment came in by mail: its Message-ID, so one mail is one comment. */
    inboundMessageId: z.string().nullable(),
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

export const ticketReopenedV1 = defineEvent(
  "ticket.reopened",
  1,
  ZTicketHeader.extend({ actorId: z.uuid().nullable() }),
);

export const ticketClosedV1 = defineEvent(
  "ticket.closed",
  1,
  ZTicketHeader.extend({
    actorId: z.uuid().nullable(),
    reason: z.enum(["manual", "auto_close", "merged", "bulk"]),
  }),
);

export const ticketMergedV1 = defineEvent(
  "ticket.merged",
  1,
  ZTicketHeader.extend({
    actorId: z.uuid().nullable(),
    /** The ticket that was closed into this one. */
    sourceTicketId: z.uuid(),
    sourceNumber: z.number().int().positive(),
    sourceRequesterId: z.uuid(),
  }),
);

export const ticketEscalatedV1 = defineEvent(
  "ticket.escalated",
  1,
  ZTicketHeader.extend({
    reason: z.string(),
    priority: ZTicketPriority,
    previousPriority: ZTicketPriority,
    previousGroupId: z.uuid().nullable(),
  }),
);

const ZSlaMetric = z.enum(["first_response", "resolution"]);

export const slaWarningV1 = defineEvent(
  "sla.warning",
  1,
  ZTicketHeader.extend({
    metric: ZSlaMetric,
    dueAt: z.iso.datetime({ offset: true }),
    priority: ZTicketPriority,
  }),
);

export const slaBreachedV1 = defineEvent(
  "sla.breached",
  1,
  ZTicketHeader.extend({
    metric: ZSlaMetric,
    dueAt: z.iso.datetime({ offset: true }),
    priority: ZTicketPriority,
  }),
);

export const csatSubmittedV1 = defineEvent(
  "csat.submitted",
  1,
  ZTicketHeader.extend({
    rating: z.number().int().min(1).max(5),
    comment: z.string().nullable(),
  }),
);
