import type { ServiceName } from "@signpost/contracts";
import type { Upstream } from "../gateway-app.ts";

/** Upstreams for services running as their own processes, reached over HTTP. */
export function remoteUpstreams(urls: Record<ServiceName, string>): Record<ServiceName, Upstream> {
  const forward =
    (base: string): Upstream =>
    async (request) => {
      const url = new URL(request.url);
      const hasBody = request.method !== "GET" && request.method !== "HEAD";
      return fetch(new URL(url.pathname + url.search, base), {
        method: request.method,
        headers: request.headers,
        ...(hasBody ? { body: request.body, duplex: "half" } : {}),
        signal: AbortSignal.timeout(30_000),
      });
    };
  return {
    ticket: forward(urls.ticket),
    kb: forward(urls.kb),
    notification: forward(urls.notification),
  };
}
