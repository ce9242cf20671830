import { z } from "zod";
import { pathParams, type RestRoute } from "./rest-route.ts";

const schema = (s: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(s, { io, unrepresentable: "any", target: "openapi-3.0" });

const json = (s: z.ZodType, io: "input" | "output") => ({
  content: { "application/json": { schema: schema(s, io) } },
});

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

/** The body a route documents: its own, or its contract without what travels in the path. */
function bodyOf(route: RestRoute): z.ZodType | undefined {
  if (route.method === "GET" || route.method === "DELETE") return undefined;
  if (route.body) return route.body;
  if (!route.input) return undefined;
  const input = route.input;
  if (!(input instanceof z.ZodObject)) return input;
  const inPath = pathParams(route.path);
  return z.object(
    Object.fromEntries(Object.entries(input.shape).filter(([key]) => !inPath.includes(key))),
  );
}

function operation(route: RestRoute) {
  const body = bodyOf(route);
  const status = String(route.status ?? 200);
  return {
    operationId: route.id,
    summary: route.summary,
    parameters: [
      ...pathParams(route.path).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string", format: "uuid" },
      })),
      ...(route.query ?? []).map(([name, description]) => ({
        name,
        in: "query",
        required: false,
        description,
        schema: { type: "string" },
      })),
    ],
    ...(body ? { requestBody: { required: true, ...json(body, "input") } } : {}),
    responses: { [status]: { description: "OK", ...json(route.output, "output") }, ...errors },
  };
}

/** The OpenAPI 3 description of the REST API, built from the routes and their zod contracts. */
export function openApiDocument(routes: RestRoute[]): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.0.3",
    info: {
      title: "Signpost tickets API",
      version: "1.0.0",
      description:
        "Tickets for integrations, over the same use-cases as the web app. Authenticate with an API token (`Authorization: Bearer sp_...`); a token acts with its role, and customers only ever see their organization's tickets and public replies.",
    },
    servers: [{ url: "/api/ticket/rest/v1" }],
    components: { securitySchemes: { apiToken: { type: "http", scheme: "bearer" } } },
    security: [{ apiToken: [] }],
    paths,
  };
}
