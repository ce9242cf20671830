import { Hono } from "hono";
import type { ServiceEnv } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { openApiDocument } from "./openapi.ts";
import { mountRestRoutes } from "./rest-app.ts";
import type { RestRoute } from "./rest-route.ts";
import { threadRoutes } from "./thread-routes.ts";
import { ticketRoutes } from "./ticket-routes.ts";
import { workspaceRoutes } from "./workspace-routes.ts";

/** Every REST endpoint, in the order the OpenAPI document lists them. */
export const restRouteList: RestRoute[] = [...ticketRoutes, ...threadRoutes, ...workspaceRoutes];

/**
 * The REST API for integrations (`/api/ticket/rest/v1/...` through the gateway, with an API
 * token), over the same use-cases and contracts as tRPC; `openapi.json` documents it.
 */
export const restRoutes = (deps: TicketDeps) => {
  const doc = openApiDocument(restRouteList);
  const app = new Hono<ServiceEnv>().get("/openapi.json", (c) => c.json(doc));
  return mountRestRoutes(app, deps, restRouteList);
};

/** `METHOD /path` of every REST endpoint (for the security matrix's coverage check). */
export const restEndpoints = () => restRouteList.map((r) => `${r.method} ${r.path}`);
