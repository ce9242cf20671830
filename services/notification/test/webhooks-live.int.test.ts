import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIdentity } from "@signpost/contracts";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { verifySignature } from "../src/webhooks/signature.ts";
import { commentEvent, startHarness, ticketHeader, type Harness, type Mode } from "./harness.ts";
import { sseReader, type SseEvent } from "./sse-reader.ts";

/** A local HTTP endpoint answering with `statuses` in turn (200 once they run out). */
async function startReceiver(statuses: number[]) {
  const hits: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function suite(name: string, mode: () => Mode) {
  describe(`webhooks and the live stream (${name})`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness(mode(), {});
      await h.seedDirectory();
    });
    afterAll(async () => h?.stop());

    const comment = (t: ReturnType<typeof ticketHeader>, visibility: "public" | "internal") =>
      commentEvent(h, t, { visibility, body: visibility === "public" ? "Public words" : null });

    it("signs deliveries, retries failures with backoff and logs each answer", async () => {
      const receiver = await startReceiver([500]);
      try {
        const admin = h.clientFor(h.people.admin);
        const { endpoint, secret } = await admin.webhooks.create.mutate({
          url: receiver.url,
          eventTypes: ["ticket.commented"],
        });
        expect(secret).toMatch(/^whsec_/);
        expect(JSON.stringify(await admin.webhooks.list.query())).not.toContain(secret);
        const t = ticketHeader(h);
        await h.publish(comment(t, "public"));
        await waitFor("the retried delivery", async () => receiver.hits.length >= 2);
        for (const hit of receiver.hits) {
          expect(
            verifySignature(
              secret,
              String(hit.headers["signpost-timestamp"]),
              hit.body,
              String(hit.headers["signpost-signature"]),
            ),
          ).toBe(true);
          expect(
            verifySignature(
              "whsec_wrong",
              String(hit.headers["signpost-timestamp"]),
              hit.body,
              String(hit.headers["signpost-signature"]),
            ),
          ).toBe(false);
          expect(JSON.parse(hit.body)).toMatchObject({
            type: "ticket.commented",
            payload: { body: "Public words" },
          });
        }
        const [delivery] = await waitFor("the delivered log", async () => {
          const d = await admin.webhooks.deliveries.query({ endpointId: endpoint.id });
          return d[0]?.status === "delivered" ? d : undefined;
        });
        expect(delivery?.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
        expect(delivery?.attempts.every((a) => a.latencyMs >= 0)).toBe(true);

        // An internal note's event goes out without any text.
        await h.publish(comment(t, "internal"));
        const note = await waitFor("the note's delivery", async () =>
          receiver.hits.find(
            (x) =>
              (JSON.parse(x.body) as { payload: { visibility: string } }).payload.visibility ===
              "internal",
          ),
        );
        expect((JSON.parse(note.body) as { payload: { body: unknown } }).payload.body).toBeNull();
        // Only https (or this machine in development) is accepted.
        await expect(
          admin.webhooks.create.mutate({
            url: "http://example.com/x",
            eventTypes: ["ticket.commented"],
          }),
        ).rejects.toThrow(/https/);
        await expect(
          admin.webhooks.create.mutate({
            url: "https://example.com/x",
            eventTypes: ["directory.user.changed"],
          }),
        ).rejects.toThrow(/Unknown event types/);
      } finally {
        await receiver.close();
      }
    });

    const openStream = async (who: TIdentity, lastEventId?: string) => {
      const res = await h.service.app.fetch(
        new Request("http://notification/live/stream", {
          headers: {
            authorization: `Bearer ${await h.sign(who)}`,
            ...(lastEventId ? { "last-event-id": lastEventId } : {}),
          },
        }),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      return sseReader(res);
    };
    const newTicket = () => {
      const t = ticketHeader(h, { groupId: h.groupId });
      return h.event(
        "ticket.created",
        { ...t, priority: "medium", category: "general", source: "portal", inboundMessageId: null },
        h.ws.orgA,
      );
    };
    const items = (events: SseEvent[]) => events.filter((e) => e.event === "notification");

    it("pushes a person's notifications live and resumes after Last-Event-ID without loss or repeats", async () => {
      const stream = await openStream(h.people.agent2);
      const other = await openStream(h.people.customerB);
      await waitFor("the ready event", async () => stream.events[0]?.event === "ready");
      const first = [newTicket(), newTicket()];
      await h.publish(...first);
      await waitFor("two live items", async () => items(stream.events).length === 2);
      const seen = items(stream.events).map((e) => JSON.parse(e.data) as { ticketId: string });
      expect(seen.map((s) => s.ticketId).sort()).toEqual(
        first.map((e) => e.payload.ticketId).sort(),
      );
      const lastId = items(stream.events)[1]?.id;
      expect(lastId).toMatch(/^\d+-\d+$/);
      await stream.close();

      // Missed while away: delivered on reconnect, after exactly the last one seen.
      const missed = [newTicket(), newTicket(), newTicket()];
      await h.publish(...missed);
      await waitFor("them to be stored", async () => {
        const l = await h.clientFor(h.people.agent2).notifications.list.query();
        return l.length >= 5;
      });
      const resumed = await openStream(h.people.agent2, lastId);
      await waitFor("the missed items", async () => items(resumed.events).length === 3);
      await new Promise((r) => setTimeout(r, 300));
      const again = items(resumed.events).map(
        (e) => (JSON.parse(e.data) as { ticketId: string }).ticketId,
      );
      // Exactly the missed ones, each once (in commit order, which concurrent consumers decide).
      expect([...again].sort()).toEqual(missed.map((e) => e.payload.ticketId).sort());
      await resumed.close();
      // Another organization's customer heard nothing of it.
      expect(items(other.events)).toEqual([]);
      await other.close();
    });

    it("answers 401 to a stream without identity", async () => {
      const res = await h.service.app.fetch(new Request("http://notification/live/stream"));
      expect(res.status).toBe(401);
    });
  });
}

suite("PGlite, embedded queue", () => ({ kind: "pglite" }));

describeWithInfra("on real infrastructure", (infra) => {
  suite("Postgres, BullMQ", () => ({ kind: "postgres", infra }));
});
