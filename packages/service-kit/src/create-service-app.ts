import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { trpcServer } from "@hono/trpc-server";
import type { AnyTRPCRouter } from "@trpc/server";
import { AppError, httpStatusOf, type ErrorBody } from "@signpost/contracts";
import { withRequestId } from "@signpost/queue";
import type { Logger } from "pino";
import type { IdentityVerifier } from "./identity-token.ts";
import { httpMetrics, procedureLabeller } from "./metrics/http-metrics.ts";
import type { Metrics } from "./metrics/metrics.ts";
import { payloadLimit } from "./payload-limit.ts";
import { requestIdFrom } from "./request-id.ts";
import { setResponseHeader } from "./response-header.ts";
import { isTransientDbError } from "./text-input.ts";
import type { RequestContext } from "./trpc.ts";

export interface ServiceAppVariables {
  requestId: string;
  identity: RequestContext["identity"];
}
export type ServiceEnv = { Variables: ServiceAppVariables };

const maxBodyBytes = 1024 * 1024;

/**
 * A service's HTTP face: request ids, identity from the gateway's signed token, `/healthz`,
 * `/readyz`, `/metrics` (Prometheus; the gateway never forwards to it), the tRPC router under
 * `/trpc`, a body cap and the one error handler.
 */
export function createServiceApp(opts: {
  name: string;
  router: AnyTRPCRouter;
  verifyIdentity: IdentityVerifier;
  ready: () => Promise<boolean>;
  logger: Logger;
  metrics: Metrics;
}): Hono<ServiceEnv> {
  const app = new Hono<ServiceEnv>();
  const procedures = Object.keys(opts.router._def.procedures as Record<string, unknown>);

  app.use(httpMetrics(opts.metrics, opts.name, procedureLabeller("/trpc/", procedures)));
  app.use(async (c, next) => {
    const requestId = requestIdFrom(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    c.header("x-request-id", requestId);
    const auth = c.req.header("authorization");
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : undefined;
    c.set("identity", token ? await opts.verifyIdentity(token) : null);
    await withRequestId(requestId, next);
    setResponseHeader(c, "x-request-id", requestId);
    setResponseHeader(c, "x-content-type-options", "nosniff");
  });

  app.get("/healthz", (c) => c.json({ status: "ok", service: opts.name }));
  app.get("/readyz", async (c) => {
    const ok = await opts.ready().catch(() => false);
    return c.json({ status: ok ? "ready" : "not ready", service: opts.name }, ok ? 200 : 503);
  });

  app.get("/metrics", async (c) =>
    c.body(await opts.metrics.render(), 200, { "content-type": opts.metrics.contentType }),
  );

  app.use(
    "/trpc/*",
    payloadLimit(maxBodyBytes),
    trpcServer({
      endpoint: "/trpc",
      router: opts.router,
      createContext: (_req, c): RequestContext => ({
        identity: c.get("identity") as RequestContext["identity"],
        requestId: c.get("requestId") as string,
      }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          opts.logger.error({ err: error.cause ?? error, path }, "procedure failed");
        }
      },
    }),
  );

  app.notFound((c) =>
    c.json<ErrorBody>(
      {
        error: {
          code: "NOT_FOUND",
          message: `No route for ${c.req.method} ${c.req.path}`,
          requestId: c.get("requestId"),
        },
      },
      404,
    ),
  );
  app.onError((error, c) => errorResponse(error, c.get("requestId"), opts.logger));
  return app;
}

/** The one error handler: `{ error: { code, message, requestId } }`, never a stack trace. */
export function errorResponse(error: unknown, requestId: string | undefined, logger: Logger) {
  if (error instanceof AppError) {
    return Response.json(
      {
        error: { code: error.code, message: error.message, requestId, details: error.details },
      } satisfies ErrorBody,
      { status: httpStatusOf(error.code) },
    );
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code =
      status === 413 ? "PAYLOAD_TOO_LARGE" : status === 401 ? "UNAUTHORIZED" : "BAD_REQUEST";
    return Response.json(
      { error: { code, message: error.message || "Bad request", requestId } } satisfies ErrorBody,
      { status },
    );
  }
  // Outside tRPC too (the gateway's session lookup, say): a dropped connection may be retried.
  if (isTransientDbError(error)) {
    logger.warn({ err: error, requestId }, "database connection lost");
    return Response.json(
      {
        error: {
          code: "UNAVAILABLE",
          message: "The database connection was lost; try again",
          requestId,
        },
      } satisfies ErrorBody,
      { status: httpStatusOf("UNAVAILABLE") },
    );
  }
  logger.error({ err: error, requestId }, "unhandled error");
  return Response.json(
    { error: { code: "INTERNAL", message: "Internal error", requestId } } satisfies ErrorBody,
    { status: 500 },
  );
}
