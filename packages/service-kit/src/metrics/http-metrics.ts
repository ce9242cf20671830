import { createMiddleware } from "hono/factory";
import type { Metrics } from "./metrics.ts";

/**
 * Times every request and counts it by procedure and status. The label comes from a fixed set
 * (`labelOf`), never straight from the path: arbitrary paths would grow the series without bound.
 */
export const httpMetrics = (metrics: Metrics, service: string, labelOf: (path: string) => string) =>
  createMiddleware(async (c, next) => {
    const end = metrics.httpDuration.startTimer();
    try {
      await next();
    } finally {
      end({ service, procedure: labelOf(c.req.path), status: String(c.res.status) });
    }
  });

const opsPaths = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * A service's label for `path`: the tRPC procedure when it is one of `procedures`, "(batch)" for
 * batched calls, "(unknown)" for any other tRPC path, the ops endpoints by name, "(other)" else.
 */
export function procedureLabeller(prefix: string, procedures: Iterable<string>) {
  const known = new Set(procedures);
  return (path: string): string => {
    if (opsPaths.has(path)) return path;
    if (!path.startsWith(prefix)) return "(other)";
    const name = path.slice(prefix.length);
    if (name.includes(",")) return "(batch)";
    return known.has(name) ? name : "(unknown)";
  };
}
