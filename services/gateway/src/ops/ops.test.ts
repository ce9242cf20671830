import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createMetrics } from "@signpost/service-kit";
import { gatewayLabeller, metricsEndpoint } from "./metrics-endpoint.ts";
import { forwardable } from "./upstream-path.ts";

describe("what the gateway forwards to a service", () => {
  it("forwards procedure calls", () => {
    expect(forwardable("/trpc/tickets.list")).toBe(true);
    expect(forwardable("/trpc/a,b")).toBe(true);
  });

  it("keeps metrics and probes internal however the path is spelled", () => {
    for (const path of [
      "/metrics",
      "/metrics/",
      "//metrics",
      "/METRICS",
      "/%6Detrics",
      "/%2Fmetrics",
      "/healthz",
      "/readyz",
      "/%E0%A4%A", // undecodable
    ]) {
      expect(forwardable(path), path).toBe(false);
    }
  });
});

describe("the gateway's /metrics", () => {
  const app = (token?: string) => {
    const metrics = createMetrics();
    return new Hono().get("/metrics", metricsEndpoint(metrics, token));
  };

  it("is open without a configured token", async () => {
    const res = await app().request("/metrics");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("signpost_http_request_duration_seconds");
  });

  it("asks for the configured token", async () => {
    const guarded = app("a-long-enough-scrape-token");
    expect((await guarded.request("/metrics")).status).toBe(401);
    const wrong = await guarded.request("/metrics", {
      headers: { authorization: "Bearer a-long-enough-scrape-tokem" },
    });
    expect(wrong.status).toBe(401);
    const right = await guarded.request("/metrics", {
      headers: { authorization: "Bearer a-long-enough-scrape-token" },
    });
    expect(right.status).toBe(200);
  });

  it("labels requests from a fixed set, whatever the path", () => {
    const label = gatewayLabeller(["auth.signIn"]);
    expect(label("/api/identity/trpc/auth.signIn")).toBe("auth.signIn");
    expect(label("/api/identity/trpc/auth.nothing")).toBe("(unknown)");
    expect(label("/api/ticket/trpc/tickets.list")).toBe("ticket:*");
    expect(label("/api/evil/trpc/x")).toBe("(unknown)");
    expect(label("/healthz")).toBe("/healthz");
    expect(label("/tickets/123")).toBe("(other)");
  });
});
