import { z } from "zod";
import {
  ZAssignInput,
  ZBulkInput,
  ZBulkResult,
  ZChangePriorityInput,
  ZChangeStatusInput,
  ZCloseInput,
  ZCreateTicketInput,
  ZListTicketsInput,
  ZMergeInput,
  ZSplitInput,
  ZTicket,
  ZTicketDetail,
  ZTicketPage,
  ZTicketRef,
  ZUpdateTicketInput,
} from "@signpost/contracts";
import { asPerson } from "../shared/actor.ts";
import { assignTicket } from "../tickets/assign-ticket.ts";
import { bulkUpdate } from "../tickets/bulk-update.ts";
import { changePriority } from "../tickets/change-priority.ts";
import { changeStatus, closeTicket } from "../tickets/change-status.ts";
import { createTicket } from "../tickets/create-ticket.ts";
import { getTicket } from "../tickets/get-ticket.ts";
import { listTickets } from "../tickets/list-tickets.ts";
import { mergeTickets } from "../tickets/merge-tickets.ts";
import { resolveTicket } from "../tickets/resolve-ticket.ts";
import { splitTicket } from "../tickets/split-ticket.ts";
import { updateTicket } from "../tickets/update-ticket.ts";
import { listParam } from "./parse.ts";
import { restRoute, type RawRequest, type RestContext } from "./rest-route.ts";

const person = (ctx: RestContext) => asPerson(ctx.who, ctx.requestId);

// Written out because the contract's refinement (one of the two is required) cannot be omitted from.
const ZAssignBody = z.object({
  assigneeId: z.uuid().nullable().optional(),
  groupId: z.uuid().nullable().optional(),
});

const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** `GET /tickets` query values as the search contract's input. */
const listInput = ({ query: q }: RawRequest) => {
  const [field, direction] = (q.sort ?? "created_at:desc").split(":");
  return {
    // Only the filters given: an absent one must not blank a saved view's filter of that name.
    filters: defined({
      status: listParam(q.status),
      priority: listParam(q.priority),
      category: listParam(q.category),
      assigneeId: listParam(q.assignee, true),
      groupId: listParam(q.group, true),
      requesterId: listParam(q.requester),
      orgId: listParam(q.organization),
      tag: listParam(q.tag),
      slaState: listParam(q.sla),
      text: q.q,
    }),
    sort: { field, direction: direction ?? "desc" },
    limit: q.limit === undefined ? 50 : Number(q.limit),
    cursor: q.cursor,
    viewId: q.view,
  };
};

const listQuery: [string, string][] = [
  ["status", "Status keys or kinds, comma-separated"],
  ["priority", "low,medium,high,urgent"],
  ["category", "Category keys, comma-separated"],
  ["assignee", "User ids, comma-separated; `none` for unassigned"],
  ["group", "Group ids, comma-separated; `none` for no group"],
  ["requester", "User ids, comma-separated"],
  ["organization", "Organization ids, comma-separated"],
  ["tag", "Tags, comma-separated (any of)"],
  ["sla", "SLA states, comma-separated (e.g. `breached`)"],
  ["q", "Full-text search over subject and description, or #number"],
  ["view", "A saved view's id: start from its filters and sort"],
  ["sort", "`created_at|updated_at|priority|number|sla_due_at` and `:asc|:desc`"],
  ["limit", "1-100, default 50"],
  ["cursor", "`nextCursor` of the previous page"],
];

/** Tickets and what agents do to them: the same use-cases as the `tickets.*` procedures. */
export const ticketRoutes = [
  restRoute({
    id: "listTickets",
    method: "GET",
    path: "/tickets",
    summary: "List and search tickets: filters, sort, saved views, cursor pages",
    input: ZListTicketsInput,
    shape: listInput,
    query: listQuery,
    output: ZTicketPage,
    run: ({ deps, who }, input) => listTickets(deps, who, input),
  }),
  restRoute({
    id: "createTicket",
    method: "POST",
    path: "/tickets",
    summary: "Open a ticket",
    input: ZCreateTicketInput,
    output: ZTicket,
    status: 201,
    run: ({ deps, who, requestId }, input) => createTicket(deps, who, input, requestId),
  }),
  restRoute({
    id: "getTicket",
    method: "GET",
    path: "/tickets/{ticketId}",
    summary: "One ticket with its links",
    input: ZTicketRef,
    output: ZTicketDetail,
    run: ({ deps, who }, input) => getTicket(deps, who, input.ticketId),
  }),
  restRoute({
    id: "updateTicket",
    method: "PATCH",
    path: "/tickets/{ticketId}",
    summary: "Edit subject, category, tags, collaborators, custom fields",
    input: ZUpdateTicketInput,
    output: ZTicket,
    run: (ctx, input) => updateTicket(ctx.deps, person(ctx), input),
  }),
  restRoute({
    id: "changeStatus",
    method: "POST",
    path: "/tickets/{ticketId}/status",
    summary: "Change the status (the workspace's transitions are enforced)",
    input: ZChangeStatusInput,
    output: ZTicket,
    run: (ctx, input) => changeStatus(ctx.deps, person(ctx), input.ticketId, input.status),
  }),
  restRoute({
    id: "changePriority",
    method: "POST",
    path: "/tickets/{ticketId}/priority",
    summary: "Change the priority (SLA targets follow)",
    input: ZChangePriorityInput,
    output: ZTicket,
    run: (ctx, input) => changePriority(ctx.deps, person(ctx), input.ticketId, input.priority),
  }),
  restRoute({
    id: "assignTicket",
    method: "POST",
    path: "/tickets/{ticketId}/assign",
    summary: "Assign to an agent and/or a group",
    input: ZAssignInput,
    body: ZAssignBody,
    output: ZTicket,
    run: (ctx, { ticketId, ...a }) => assignTicket(ctx.deps, person(ctx), ticketId, a),
  }),
  restRoute({
    id: "resolveTicket",
    method: "POST",
    path: "/tickets/{ticketId}/resolve",
    summary: "Resolve (the requester may then rate it)",
    input: ZTicketRef,
    output: ZTicket,
    run: ({ deps, who, requestId }, input) => resolveTicket(deps, who, input.ticketId, requestId),
  }),
  restRoute({
    id: "closeTicket",
    method: "POST",
    path: "/tickets/{ticketId}/close",
    summary: "Close for good",
    input: ZCloseInput,
    output: ZTicket,
    run: (ctx, input) => closeTicket(ctx.deps, person(ctx), input.ticketId),
  }),
  restRoute({
    id: "mergeTicket",
    method: "POST",
    path: "/tickets/{sourceTicketId}/merge",
    summary: "Merge this ticket into `targetTicketId` (thread and requester carried over)",
    input: ZMergeInput,
    output: ZTicket,
    run: (ctx, input) =>
      mergeTickets(ctx.deps, person(ctx), input.sourceTicketId, input.targetTicketId),
  }),
  restRoute({
    id: "splitComment",
    method: "POST",
    path: "/comments/{commentId}/split",
    summary: "Split a public comment off into a new, linked ticket",
    input: ZSplitInput,
    output: ZTicket,
    status: 201,
    run: (ctx, input) => splitTicket(ctx.deps, person(ctx), input.commentId, input.subject),
  }),
  restRoute({
    id: "bulkUpdate",
    method: "POST",
    path: "/tickets/bulk",
    summary: "Assign, change status or priority, or close up to 100 tickets (each on its own)",
    input: ZBulkInput,
    output: ZBulkResult,
    run: ({ deps, who, requestId }, input) => bulkUpdate(deps, who, input, requestId),
  }),
];
