import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { procedureLabeller, type Metrics } from "@signpost/service-kit";
import { serviceNames } from "@signpost/contracts";

/**
 * `/metrics` of the gateway (and, in one process, of every service). With a token configured a
 * scraper must send it as a bearer token: the gateway's port is the public one.
 */
export const metricsEndpoint =
  (metrics: Metrics, token: string | undefined) =>
  async (c: Context): Promise<Response> => {
    if (token && !sameSecret(c.req.header("authorization") ?? "", `Bearer ${token}`)) {
      return c.text("Unauthorized\n", 401, { "www-authenticate": 'Bearer realm="metrics"' });
    }
    return c.body(await metrics.render(), 200, { "content-type": metrics.contentType });
  };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The gateway's request label: identity procedures by name, forwarded calls by service (the service
 * labels its own procedures), a fixed set otherwise.
 */
export function gatewayLabeller(identityProcedures: string[]) {
  const identity = procedureLabeller("/api/identity/trpc/", identityProcedures);
  const services = new Set<string>(serviceNames);
  return (path: string): string => {
    if (path.startsWith("/api/identity/")) return identity(path);
    const service = /^\/api\/([^/]+)\//.exec(path)?.[1];
    if (service) return services.has(service) ? `${service}:*` : "(unknown)";
    return path.startsWith("/api/") ? "(unknown)" : identity(path);
  };
}
