import { serve, type ServerType } from "@hono/node-server";
import type { Logger } from "pino";

interface Fetchable {
  fetch: (request: Request) => Response | Promise<Response>;
}

/** A problem of the deployment (not of the code) that stops start-up: shown without a stack. */
export class StartupError extends Error {
  override name = "StartupError";
}

const closeGraceMs = 3000;

/** Listens on `port`; resolves with a function that stops accepting and waits for open requests. */
export function listen(app: Fetchable, port: number, host = "0.0.0.0") {
  return new Promise<{ port: number; close: () => Promise<void> }>((resolve, reject) => {
    const server: ServerType = serve({ fetch: app.fetch, port, hostname: host }, (info) =>
      resolve({
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Live streams (SSE) never finish by themselves: requests get a grace period to
            // complete, then whatever is still open is cut (clients reconnect elsewhere).
            const grace = setTimeout(() => {
              if ("closeAllConnections" in server) server.closeAllConnections();
            }, closeGraceMs);
            grace.unref();
            server.close(() => {
              clearTimeout(grace);
              done();
            });
            // Idle keep-alive sockets would hold close() open until they time out.
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      }),
    );
    // A taken port is a configuration problem: say which, instead of an unhandled 'error' event.
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new StartupError(`Port ${port} is already in use: stop what listens there or set PORT`)
          : error,
      ),
    );
  });
}

/**
 * Runs `stop` once on SIGTERM or SIGINT (drain: stop taking work, finish what is running), then
 * exits. A second signal exits at once.
 */
export function onShutdown(logger: Logger, stop: () => Promise<void>) {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, "draining");
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", handle);
  process.once("SIGINT", handle);
}
