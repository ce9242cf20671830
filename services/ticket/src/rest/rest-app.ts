import { type Hono, type Context } from "hono";
import { AppError } from "@signpost/contracts";
import type { ServiceEnv } from "@signpost/service-kit";
import type { TicketDeps } from "../deps.ts";
import { parseInput } from "./parse.ts";
import { honoPath, type RawRequest, type RestRoute } from "./rest-route.ts";

const identityOf = (c: Context<ServiceEnv>) => {
  const who = c.get("identity");
  if (!who) throw new AppError("UNAUTHORIZED", "Send an API token: Authorization: Bearer sp_...");
  return who;
};

/**
 * Mounts declared routes: check who asks, parse with the contract, call the use-case, and answer
 * with the output contract's shape (so a raw row never reaches a client, as with tRPC).
 */
export function mountRestRoutes(app: Hono<ServiceEnv>, deps: TicketDeps, routes: RestRoute[]) {
  for (const route of routes) {
    app.on(route.method, honoPath(route.path), async (c) => {
      const who = identityOf(c);
      const raw: RawRequest = {
        params: c.req.param(),
        query: c.req.query(),
        body: route.method === "POST" || route.method === "PATCH" ? await objectBody(c) : {},
      };
      const input = route.input
        ? parseInput(route.input, route.shape ? route.shape(raw) : { ...raw.body, ...raw.params })
        : undefined;
      const result = await route.run({ deps, who, requestId: c.get("requestId") }, input);
      return c.json(route.output.parse(result) as object, route.status ?? 200);
    });
  }
  return app;
}

async function objectBody(c: Context<ServiceEnv>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  // Actions without fields may be sent with no body at all.
  if (text.trim() === "") return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body must be JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("BAD_REQUEST", "The body must be a JSON object");
  }
  return body as Record<string, unknown>;
}
