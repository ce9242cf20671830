import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { payloadLimit } from "./payload-limit.ts";

const app = new Hono()
  .use(payloadLimit(10))
  .all("/", async (c) => c.text(c.req.method === "GET" ? "got" : await c.req.text()));

const stream = (text: string) =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });

describe("payload limit", () => {
  it("judges a body with a Content-Length by its header", async () => {
    const over = await app.request("/", { method: "POST", body: "x".repeat(11) });
    expect(over.status).toBe(413);
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
    const under = await app.request("/", { method: "POST", body: "x".repeat(10) });
    expect(await under.text()).toBe("x".repeat(10));
  });

  it("counts a body sent without a length as it arrives", async () => {
    const init = (text: string): RequestInit => ({
      method: "POST",
      body: stream(text),
      duplex: "half",
    });
    expect((await app.request("/", init("y".repeat(11)))).status).toBe(413);
    expect(await (await app.request("/", init("y".repeat(5)))).text()).toBe("yyyyy");
  });

  it("lets a request without a body through", async () => {
    expect(await (await app.request("/")).text()).toBe("got");
  });
});
