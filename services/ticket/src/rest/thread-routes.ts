import { z } from "zod";
import {
  ZAddCommentInput,
  ZAttachment,
  ZAuditEntry,
  ZAuditQuery,
  ZComment,
  ZCsatRating,
  ZSubmitCsatInput,
  ZTicketRef,
  ZTicketSla,
} from "@signpost/contracts";
import { listAttachments } from "../attachments/list-attachments.ts";
import { readAuditLog } from "../audit/read-audit-log.ts";
import { addComment } from "../comments/add-comment.ts";
import { listThread } from "../comments/list-thread.ts";
import { submitCsat } from "../csat/submit-csat.ts";
import { ticketCsat } from "../csat/ticket-csat.ts";
import { getTicketSla } from "../sla/sla-reports.ts";
import { restRoute } from "./rest-route.ts";

/** A query value as a number, left alone when absent or not a number (the contract says why). */
const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));

/** What hangs off one ticket: thread, attachments, ratings, history and SLA state. */
export const threadRoutes = [
  restRoute({
    id: "listComments",
    method: "GET",
    path: "/tickets/{ticketId}/comments",
    summary: "The thread (customers see public replies only)",
    input: ZTicketRef,
    output: z.array(ZComment),
    run: ({ deps, who }, input) => listThread(deps, who, input.ticketId),
  }),
  restRoute({
    id: "addComment",
    method: "POST",
    path: "/tickets/{ticketId}/comments",
    summary: "Reply publicly or (staff) add an internal note, with uploaded attachments",
    input: ZAddCommentInput,
    output: ZComment,
    status: 201,
    run: ({ deps, who, requestId }, input) =>
      addComment(deps, who, input.ticketId, input, requestId),
  }),
  restRoute({
    id: "listAttachments",
    method: "GET",
    path: "/tickets/{ticketId}/attachments",
    summary:
      "Metadata of the attachments you may download (`url`); upload with `POST /api/ticket/attachments`",
    input: ZTicketRef,
    output: z.array(ZAttachment),
    run: ({ deps, who }, input) => listAttachments(deps, who, input.ticketId),
  }),
  restRoute({
    id: "listCsat",
    method: "GET",
    path: "/tickets/{ticketId}/csat",
    summary: "The ticket's satisfaction ratings, one per resolution",
    input: ZTicketRef,
    output: z.array(ZCsatRating),
    run: ({ deps, who }, input) => ticketCsat(deps, who, input.ticketId),
  }),
  restRoute({
    id: "submitCsat",
    method: "POST",
    path: "/tickets/{ticketId}/csat",
    summary: "The requester rates a resolved ticket 1-5, once per resolution",
    input: ZSubmitCsatInput,
    output: ZCsatRating,
    status: 201,
    run: ({ deps, who, requestId }, input) => submitCsat(deps, who, input, requestId),
  }),
  restRoute({
    id: "readAuditLog",
    method: "GET",
    path: "/tickets/{ticketId}/audit",
    summary: "Every change (who, when, before, after), oldest first; page with `afterSeq`",
    input: ZAuditQuery,
    shape: ({ params, query }) => ({
      ticketId: params.ticketId,
      afterSeq: num(query.afterSeq),
      limit: num(query.limit),
    }),
    query: [
      ["afterSeq", "Only entries after this `seq` (default 0)"],
      ["limit", "1-500, default 200"],
    ],
    output: z.array(ZAuditEntry),
    run: ({ deps, who }, input) => readAuditLog(deps, who, input),
  }),
  restRoute({
    id: "getTicketSla",
    method: "GET",
    path: "/tickets/{ticketId}/sla",
    summary: "The ticket's SLA: policy, due dates, paused time and breach state",
    input: ZTicketRef,
    output: ZTicketSla,
    run: ({ deps, who }, input) => getTicketSla(deps, who, input.ticketId),
  }),
];
