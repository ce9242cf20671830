import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Hono } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { serviceNames, type ErrorBody, type ServiceName } from "@signpost/contracts";
import { errorResponse, type Logger } from "@signpost/service-kit";

/** How the gateway reaches a service: in this process (its app's fetch) or over HTTP. */
export type Upstream = (request: Request) => Promise<Response>;

/**
 * The one origin the browser talks to: `/api/<service>/...` goes to that service, everything else
 * is the web app (with client-side routes falling back to index.html).
 */
export function createGatewayApp(opts: {
  upstreams: Record<ServiceName, Upstream>;
  webDist: string;
  logger: Logger;
}): Hono {
  const app = new Hono();

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
    const ok = checks.every(([, up]) => up);
    return c.json(
      { status: ok ? "ready" : "not ready", services: Object.fromEntries(checks) },
      ok ? 200 : 503,
    );
  });

  app.all("/api/:service/*", async (c) => {
    const name = c.req.param("service");
    if (!(serviceNames as readonly string[]).includes(name)) {
      return c.json<ErrorBody>(
        { error: { code: "NOT_FOUND", message: `No service ${name}` } },
        404,
      );
    }
    const url = new URL(c.req.url);
    const target = new URL(
      url.pathname.slice(`/api/${name}`.length) + url.search,
      "http://upstream",
    );
    const forwarded = new Request(target, c.req.raw);
    try {
      return await opts.upstreams[name as ServiceName](forwarded);
    } catch (error) {
      opts.logger.warn({ err: error, service: name }, "upstream unavailable");
      return c.json<ErrorBody>(
        {
          error: {
            code: "UNAVAILABLE",
            message: `The ${name} service is unavailable; try again shortly`,
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
  app.onError((error, c) => errorResponse(error, c.req.header("x-request-id"), opts.logger));
  return app;
}
