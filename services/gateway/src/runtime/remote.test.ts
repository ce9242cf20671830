import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { remoteUpstreams } from "./remote.ts";

describe("remote upstreams", () => {
  it("pass a live stream through as it is written, and end it when the client leaves", async () => {
    let closed = false;
    const server = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("event: ready\ndata: {}\n\n");
      // The rest never comes: only a streaming proxy delivers the first frame.
      req.on("close", () => (closed = true));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const upstreams = remoteUpstreams({ ticket: base, kb: base, notification: base });
    const client = new AbortController();
    const res = await upstreams.notification(
      new Request("http://upstream/live/stream", { signal: client.signal }),
    );
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("event: ready");
    client.abort();
    await reader.cancel().catch(() => undefined);
    for (let i = 0; i < 100 && !closed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(true);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
