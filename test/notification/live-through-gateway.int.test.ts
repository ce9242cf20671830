import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { clientsFor, signedInWorkspace } from "../support/clients.ts";
import { embeddedMode, postgresMode, type RunMode, testGatewayEnv } from "../support/run-modes.ts";

/** Reads `event:`/`data:` frames off a streaming response as they arrive. */
function frames(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const seen: { event: string; id?: string; data: string }[] = [];
  let buffer = "";
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const f = { event: "message", data: "" } as { event: string; id?: string; data: string };
        for (const line of frame.split("\n")) {
          const [k, ...v] = line.split(":");
          const value = v.join(":").trimStart();
          if (k === "event") f.event = value;
          if (k === "id") f.id = value;
          if (k === "data") f.data += value;
        }
        if (f.data) seen.push(f);
      }
    }
  })();
  return {
    seen,
    close: async () => {
      await reader.cancel().catch(() => undefined);
      await pump;
    },
  };
}

function suite(mode: string, envFor: () => Promise<RunMode>) {
  describe(`notifications through the gateway (${mode})`, () => {
    let gw: RunningGateway;
    let cleanup: () => Promise<void>;
    let w: Awaited<ReturnType<typeof signedInWorkspace>>;

    beforeAll(async () => {
      const made = await envFor();
      cleanup = made.cleanup;
      gw = await startGateway(testGatewayEnv(made.env));
      w = await signedInWorkspace(gw);
    });
    afterAll(async () => {
      await gw?.stop();
      await cleanup?.();
    });

    it("streams an agent's notifications live through the gateway, unbuffered", async () => {
      const res = await fetch(`${gw.url}/api/notification/live/stream`, {
        headers: { cookie: w.sessions.agent.cookie, accept: "text/event-stream" },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const stream = frames(res);
      // The first frame arrives while the response is still open: nothing buffers it.
      await waitFor("the ready frame", async () => stream.seen[0]?.event === "ready");
      const ticket = await clientsFor(gw.url, w.sessions.customerA).ticket.tickets.create.mutate({
        subject: "Live through the gateway",
        description: "Pushed, not polled.",
      });
      const item = await waitFor("the live notification", async () =>
        stream.seen.find((f) => f.event === "notification" && f.data.includes(ticket.id)),
      );
      expect(item.id).toMatch(/^\d+-\d+$/);
      await stream.close();

      const anonymous = await fetch(`${gw.url}/api/notification/live/stream`);
      expect(anonymous.status).toBe(401);
    });

    it("takes inbound mail with an admin's API token", async () => {
      const admin = clientsFor(gw.url, w.sessions.admin);
      const { secret } = await admin.identity.directory.apiTokens.create.mutate({
        name: "Inbound mail",
        role: "admin",
      });
      const raw = [
        `From: Ann <ann@${w.slug}.example.com>`,
        "To: support@desk.test",
        "Subject: Help with [#1001]",
        "Message-ID: <gw-inbound-1@example.com>",
        "Content-Type: text/plain",
        "",
        "Still broken.",
      ].join("\r\n");
      const post = (auth: string | null) =>
        fetch(`${gw.url}/api/notification/inbound/mail`, {
          method: "POST",
          headers: { "content-type": "message/rfc822", ...(auth ? { authorization: auth } : {}) },
          body: raw,
        });
      const res = await post(`Bearer ${secret}`);
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({ accepted: true, ticketNumber: 1001 });
      expect((await post(null)).status).toBe(401);
    });
  });
}

suite("embedded", embeddedMode);

describeWithInfra("on real infrastructure", (infra) => {
  suite("Postgres and Redis", () => postgresMode(infra));
});
