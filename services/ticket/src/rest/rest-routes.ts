import { Hono, type Context } from "hono";
import {
  AppError,
  ZAddCommentInput,
  ZAssignInput,
  ZChangePriorityInput,
  ZChangeStatusInput,
  ZCreateTicketInput,
  ZListTicketsInput,
  ZTicketRef,
  ZUpdateTicketInput,
} from "@signpost/contracts";
import type { ServiceEnv } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { addComment } from "../comments/add-comment.ts";
import { listThread } from "../comments/list-thread.ts";
import { asPerson } from "../shared/actor.ts";
import { assignTicket } from "../tickets/assign-ticket.ts";
import { changePriority } from "../tickets/change-priority.ts";
import { changeStatus } from "../tickets/change-status.ts";
import { createTicket } from "../tickets/create-ticket.ts";
import { getTicket } from "../tickets/get-ticket.ts";
import { listTickets } from "../tickets/list-tickets.ts";
import { updateTicket } from "../tickets/update-ticket.ts";
import { openApiDocument } from "./openapi.ts";
import { jsonBody, listParam, parseInput } from "./parse.ts";

const identityOf = (c: Context<ServiceEnv>) => {
  const who = c.get("identity");
  if (!who) throw new AppError("UNAUTHORIZED", "Send an API token: Authorization: Bearer sp_...");
  return who;
};

/**
 * The REST API for integrations (`/api/ticket/rest/v1/...` through the gateway, with an API
 * token), over the same use-cases and contracts as tRPC; `openapi.json` documents it.
 */
export const restRoutes = (deps: TicketDeps) =>
  new Hono<ServiceEnv>()
    .get("/openapi.json", (c) => c.json(openApiDocument()))
    .get("/tickets", async (c) => {
      const who = identityOf(c);
      const q = c.req.query();
      const [field, direction] = (q.sort ?? "created_at:desc").split(":");
      const input = parseInput(ZListTicketsInput, {
        filters: {
          status: listParam(q.status),
          priority: listParam(q.priority),
          category: listParam(q.category),
          assigneeId: listParam(q.assignee, true),
          groupId: listParam(q.group, true),
          requesterId: listParam(q.requester),
          orgId: listParam(q.organization),
          tag: listParam(q.tag),
          text: q.q,
        },
        sort: { field, direction: direction ?? "desc" },
        limit: q.limit === undefined ? 50 : Number(q.limit),
        cursor: q.cursor,
      });
      return c.json(await listTickets(deps, who, input));
    })
    .post("/tickets", async (c) => {
      const who = identityOf(c);
      const input = parseInput(ZCreateTicketInput, await jsonBody(c.req));
      return c.json(await createTicket(deps, who, input, c.get("requestId")), 201);
    })
    .get("/tickets/:ticketId", async (c) => {
      const { ticketId } = parseInput(ZTicketRef, c.req.param());
      return c.json(await getTicket(deps, identityOf(c), ticketId));
    })
    .patch("/tickets/:ticketId", async (c) => {
      const actor = asPerson(identityOf(c), c.get("requestId"));
      const body = (await jsonBody(c.req)) as object;
      const input = parseInput(ZUpdateTicketInput, { ...body, ...c.req.param() });
      return c.json(await updateTicket(deps, actor, input));
    })
    .post("/tickets/:ticketId/status", async (c) => {
      const actor = asPerson(identityOf(c), c.get("requestId"));
      const body = (await jsonBody(c.req)) as object;
      const input = parseInput(ZChangeStatusInput, { ...body, ...c.req.param() });
      return c.json(await changeStatus(deps, actor, input.ticketId, input.status));
    })
    .post("/tickets/:ticketId/priority", async (c) => {
      const actor = asPerson(identityOf(c), c.get("requestId"));
      const body = (await jsonBody(c.req)) as object;
      const input = parseInput(ZChangePriorityInput, { ...body, ...c.req.param() });
      return c.json(await changePriority(deps, actor, input.ticketId, input.priority));
    })
    .post("/tickets/:ticketId/assign", async (c) => {
      const actor = asPerson(identityOf(c), c.get("requestId"));
      const body = (await jsonBody(c.req)) as object;
      const { ticketId, ...a } = parseInput(ZAssignInput, { ...body, ...c.req.param() });
      return c.json(await assignTicket(deps, actor, ticketId, a));
    })
    .get("/tickets/:ticketId/comments", async (c) => {
      const { ticketId } = parseInput(ZTicketRef, c.req.param());
      return c.json(await listThread(deps, identityOf(c), ticketId));
    })
    .post("/tickets/:ticketId/comments", async (c) => {
      const who = identityOf(c);
      const body = (await jsonBody(c.req)) as object;
      const input = parseInput(ZAddCommentInput, { ...body, ...c.req.param() });
      return c.json(await addComment(deps, who, input.ticketId, input, c.get("requestId")), 201);
    });
