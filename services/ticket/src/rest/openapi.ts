import { z } from "zod";
import {
  ZAddCommentInput,
  ZChangePriorityInput,
  ZChangeStatusInput,
  ZComment,
  ZCreateTicketInput,
  ZTicket,
  ZTicketDetail,
  ZTicketPage,
  ZUpdateTicketInput,
} from "@signpost/contracts";

const schema = (s: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(s, { io, unrepresentable: "any", target: "openapi-3.0" });

const json = (s: z.ZodType, io: "input" | "output") => ({
  content: { "application/json": { schema: schema(s, io) } },
});

/** The body schema of an action whose ticket id travels in the path. */
const bodyOf = (s: z.ZodObject) => s.omit({ ticketId: true });

const ticketId = {
  name: "ticketId",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};
const error = {
  description: "`{ error: { code, message, requestId } }`",
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          error: {
            type: "object",
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              requestId: { type: "string" },
            },
          },
        },
      },
    },
  },
};
const errors = { "400": error, "401": error, "403": error, "404": error, "409": error };
const listQuery = [
  ["status", "Status keys or kinds, comma-separated"],
  ["priority", "low,medium,high,urgent"],
  ["category", "Category keys, comma-separated"],
  ["assignee", "User ids, comma-separated; `none` for unassigned"],
  ["group", "Group ids, comma-separated; `none` for no group"],
  ["requester", "User ids, comma-separated"],
  ["organization", "Organization ids, comma-separated"],
  ["tag", "Tags, comma-separated (any of)"],
  ["q", "Full-text search over subject and description, or #number"],
  ["sort", "`created_at|updated_at|priority|number` and `:asc|:desc`"],
  ["limit", "1-100, default 50"],
  ["cursor", "`nextCursor` of the previous page"],
].map(([name, description]) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "string" },
}));

// Written out because the contract's refinement (one of the two is required) cannot be omitted from.
const ZAssignBody = z.object({
  assigneeId: z.uuid().nullable().optional(),
  groupId: z.uuid().nullable().optional(),
});

let cached: object | undefined;

/** The OpenAPI 3 description of the REST API, built from the same zod contracts as tRPC. */
export function openApiDocument(): object {
  cached ??= {
    openapi: "3.0.3",
    info: {
      title: "Signpost tickets API",
      version: "1.0.0",
      description:
        "Tickets for integrations. Authenticate with an API token (`Authorization: Bearer sp_...`); a token acts with its role, and customers only ever see their organization's tickets and public replies.",
    },
    servers: [{ url: "/api/ticket/rest/v1" }],
    components: {
      securitySchemes: { apiToken: { type: "http", scheme: "bearer" } },
    },
    security: [{ apiToken: [] }],
    paths: {
      "/tickets": {
        get: {
          summary: "List and search tickets (cursor pages)",
          parameters: listQuery,
          responses: {
            "200": { description: "A page", ...json(ZTicketPage, "output") },
            ...errors,
          },
        },
        post: {
          summary: "Open a ticket",
          requestBody: { required: true, ...json(ZCreateTicketInput, "input") },
          responses: { "201": { description: "Created", ...json(ZTicket, "output") }, ...errors },
        },
      },
      "/tickets/{ticketId}": {
        get: {
          summary: "One ticket with its links",
          parameters: [ticketId],
          responses: {
            "200": { description: "The ticket", ...json(ZTicketDetail, "output") },
            ...errors,
          },
        },
        patch: {
          summary: "Edit subject, category, tags, collaborators, custom fields",
          parameters: [ticketId],
          requestBody: { required: true, ...json(bodyOf(ZUpdateTicketInput), "input") },
          responses: {
            "200": { description: "The ticket", ...json(ZTicket, "output") },
            ...errors,
          },
        },
      },
      "/tickets/{ticketId}/status": {
        post: {
          summary: "Change the status (transitions are enforced)",
          parameters: [ticketId],
          requestBody: { required: true, ...json(bodyOf(ZChangeStatusInput), "input") },
          responses: {
            "200": { description: "The ticket", ...json(ZTicket, "output") },
            ...errors,
          },
        },
      },
      "/tickets/{ticketId}/priority": {
        post: {
          summary: "Change the priority",
          parameters: [ticketId],
          requestBody: { required: true, ...json(bodyOf(ZChangePriorityInput), "input") },
          responses: {
            "200": { description: "The ticket", ...json(ZTicket, "output") },
            ...errors,
          },
        },
      },
      "/tickets/{ticketId}/assign": {
        post: {
          summary: "Assign to an agent and/or a group",
          parameters: [ticketId],
          requestBody: {
            required: true,
            ...json(ZAssignBody, "input"),
          },
          responses: {
            "200": { description: "The ticket", ...json(ZTicket, "output") },
            ...errors,
          },
        },
      },
      "/tickets/{ticketId}/comments": {
        get: {
          summary: "The thread (customers see public replies only)",
          parameters: [ticketId],
          responses: {
            "200": { description: "Comments", ...json(z.array(ZComment), "output") },
            ...errors,
          },
        },
        post: {
          summary: "Reply publicly or (staff) add an internal note",
          parameters: [ticketId],
          requestBody: { required: true, ...json(bodyOf(ZAddCommentInput), "input") },
          responses: {
            "201": { description: "The comment", ...json(ZComment, "output") },
            ...errors,
          },
        },
      },
    },
  };
  return cached;
}
