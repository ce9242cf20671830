import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { IncomingMessage } from "node:http";
import { Hono, type Context } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { trpcServer } from "@hono/trpc-server";
import {
  serviceNames,
  type ErrorBody,
  type ServiceName,
  type TIdentity,
} from "@signpost/contracts";
import {
  errorResponse,
  httpMetrics,
  payloadLimit,
  setResponseHeader,
  type Logger,
  type Metrics,
  type RequestContext,
} from "@signpost/service-kit";
import { visitorFor } from "./anonymous-routes.ts";
import { authenticate, type GatewayEnv } from "./auth-middleware.ts";
import type { IdentityDeps } from "./identity/identity-deps.ts";
import { identityRouter } from "./identity/identity-router.ts";
import { scaled } from "./identity/rate-limiter.ts";
import { gatewayLabeller, metricsEndpoint } from "./ops/metrics-endpoint.ts";
import { requestLimit, type RequestLimits } from "./ops/request-limit.ts";
import { forwardable } from "./ops/upstream-path.ts";

/**
 * A request's whole body. On the Node server it is read straight off the socket when nothing has
 * read it yet: `c.req.arrayBuffer()` would first build a full web Request around a web stream of
 * the socket, which costs more than the rest of forwarding a small call.
 */
async function bodyOf(c: Context): Promise<ArrayBuffer | Buffer> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.readableDidRead || !incoming.readable) return c.req.arrayBuffer();
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** How the gateway reaches a service: in this process (its app's fetch) or over HTTP. */
export type Upstream = (request: Request) => Promise<Response>;

const maxBodyBytes = 1024 * 1024;
const streamedUploads = /^\/api\/ticket\/attachments\/?$/;

/**
 * The one origin the browser talks to. `/api/identity/...` is served here; `/api/<service>/...` is
 * forwarded to that service with a short-lived signed identity of the caller; everything else is
 * the web app (client-side routes fall back to index.html).
 */
export function createGatewayApp(opts: {
  upstreams: Record<ServiceName, Upstream>;
  webDist: string;
  logger: Logger;
  identity: IdentityDeps;
  signIdentity: (who: TIdentity) => Promise<string>;
  trustProxy: boolean;
  metrics: Metrics;
  /** When set, `/metrics` asks for it as a bearer token. */
  metricsToken?: string | undefined;
  requestLimits: RequestLimits;
}): Hono<GatewayEnv> {
  const app = new Hono<GatewayEnv>();
  const router = identityRouter(opts.identity);
  const procedures = Object.keys(router._def.procedures);

  app.use(httpMetrics(opts.metrics, "gateway", gatewayLabeller(procedures)));
  app.get("/metrics", metricsEndpoint(opts.metrics, opts.metricsToken));

  app.get("/healthz", (c) => c.json({ status: "ok", service: "gateway" }));
  app.get("/readyz", async (c) => {
    const checks = await Promise.all(
      serviceNames.map(async (name) => {
        const res = await opts.upstreams[name](new Request("http://upstream/readyz")).catch(
          () => null,
        );
        return [name, res?.ok === true] as const;
      }),
    );
    const ok = checks.every(([, up]) => up) && (await opts.identity.db.ping());
    return c.json(
      { status: ok ? "ready" : "not ready", services: Object.fromEntries(checks) },
      ok ? 200 : 503,
    );
  });

  // Attachment uploads stream through to the ticket service, which enforces its own size limit.
  const bodyCap = payloadLimit(maxBodyBytes);
  app.use(
    "/api/*",
    async (c, next) => {
      await next();
      // Answers are JSON; a browser must never sniff text in them (a stored payload) as HTML.
      setResponseHeader(c, "x-content-type-options", "nosniff");
    },
    (c, next) => (streamedUploads.test(c.req.path) ? next() : bodyCap(c, next)),
    authenticate(opts.identity.db, opts.trustProxy, scaled(opts.identity.loginLimits, 5)),
    requestLimit(opts.identity.db, opts.requestLimits),
  );

  app.use(
    "/api/identity/trpc/*",
    trpcServer({
      endpoint: "/api/identity/trpc",
      router,
      createContext: ({ resHeaders }, c): RequestContext => ({
        identity: (c.get("caller") as GatewayEnv["Variables"]["caller"])?.identity ?? null,
        requestId: c.get("requestId") as string,
        http: {
          resHeaders,
          clientIp: c.get("clientIp") as string,
          sessionToken: c.get("sessionToken") as string | null,
        },
      }),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          opts.logger.error({ err: error.cause ?? error, path }, "identity procedure failed");
      },
    }),
  );

  app.all("/api/:service/*", async (c) => {
    const name = c.req.param("service");
    if (!(serviceNames as readonly string[]).includes(name)) {
      return c.json<ErrorBody>(
        {
          error: {
            code: "NOT_FOUND",
            message: `No service ${name}`,
            requestId: c.get("requestId"),
          },
        },
        404,
      );
    }
    const url = new URL(c.req.url);
    const path = url.pathname.slice(`/api/${name}`.length);
    if (!forwardable(path)) {
      return c.json<ErrorBody>(
        {
          error: {
            code: "NOT_FOUND",
            message: `No route for ${c.req.method} ${url.pathname}`,
            requestId: c.get("requestId"),
          },
        },
        404,
      );
    }
    const target = new URL(path + url.search, "http://upstream");
    const headers = new Headers(c.req.raw.headers);
    // Services trust only the identity the gateway signs; nothing the client sent stands in for it.
    headers.delete("authorization");
    headers.delete("cookie");
    headers.set("x-request-id", c.get("requestId"));
    const caller = c.get("caller");
    // Signed out, only the allow-listed help-center routes go through, as a visitor (never staff).
    const who = caller?.identity ?? (await visitorFor(c, name, opts.identity));
    if (who) headers.set("authorization", `Bearer ${await opts.signIdentity(who)}`);
    const hasBody = c.req.method !== "GET" && c.req.method !== "HEAD";
    const streamed = hasBody && streamedUploads.test(c.req.path);
    const forwarded = new Request(target, {
      method: c.req.method,
      headers,
      // A live stream (or an upload) upstream ends when its client goes away. A call with a body
      // runs to its end, so it does not need the client's signal, whose making is not free.
      ...(!hasBody || streamed ? { signal: c.req.raw.signal } : {}),
      ...(streamed ? { body: c.req.raw.body, duplex: "half" } : {}),
      ...(hasBody && !streamed ? { body: await bodyOf(c) } : {}),
    });
    try {
      return await opts.upstreams[name as ServiceName](forwarded);
    } catch (error) {
      opts.logger.warn({ err: error, service: name }, "upstream unavailable");
      return c.json<ErrorBody>(
        {
          error: {
            code: "UNAVAILABLE",
            message: `The ${name} service is unavailable; try again shortly`,
            requestId: c.get("requestId"),
          },
        },
        503,
      );
    }
  });

  if (existsSync(opts.webDist)) {
    app.use("/*", serveStatic({ root: opts.webDist }));
    const indexHtml = readFile(join(opts.webDist, "index.html"), "utf8");
    app.get("*", async (c) => c.html(await indexHtml));
  } else {
    app.get("/", (c) =>
      c.text(
        "Signpost is running. The web app is not built: run `pnpm --filter @signpost/web build`.",
      ),
    );
  }
  app.onError((error, c) => errorResponse(error, c.get("requestId"), opts.logger));
  return app;
}
