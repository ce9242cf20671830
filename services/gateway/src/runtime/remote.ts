import type { ServiceName } from "@signpost/contracts";
import type { Upstream } from "../gateway-app.ts";

/** Upstreams for services running as their own processes, reached over HTTP. */
export function remoteUpstreams(urls: Record<ServiceName, string>): Record<ServiceName, Upstream> {
  const forward =
    (base: string): Upstream =>
    async (request) => {
      const url = new URL(request.url);
      const hasBody = request.method !== "GET" && request.method !== "HEAD";
      // The timeout bounds the wait for the answer's headers only: a live stream (SSE) keeps its
      // body open for as long as the client listens. The client going away ends it upstream too.
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(new Error("upstream timed out")), 30_000);
      request.signal.addEventListener("abort", () => abort.abort(request.signal.reason));
      try {
        return await fetch(new URL(url.pathname + url.search, base), {
          method: request.method,
          headers: request.headers,
          ...(hasBody ? { body: request.body, duplex: "half" } : {}),
          signal: abort.signal,
        });
      } finally {
        clearTimeout(timer);
      }
    };
  return {
    ticket: forward(urls.ticket),
    kb: forward(urls.kb),
    notification: forward(urls.notification),
  };
}
