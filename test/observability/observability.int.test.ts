import { Writable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { createLogger } from "@signpost/service-kit";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { signedInWorkspace } from "../support/clients.ts";
import { postgresMode, testGatewayEnv, type RunMode } from "../support/run-modes.ts";
import { sample } from "./prometheus-text.ts";

describeWithInfra("observability on Postgres and Redis", (infra) => {
  let mode: RunMode;
  let gw: RunningGateway;
  let sql: pg.Client;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    mode = await postgresMode(infra);
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split("\n").filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    gw = await startGateway(testGatewayEnv(mode.env), createLogger("gateway", "info", sink));
    sql = new pg.Client({ connectionString: mode.env.DATABASE_URL });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await gw?.stop();
    await mode?.cleanup();
  });

  it("follows one request id from the gateway through the outbox into the notification consumer's logs", async () => {
    const { sessions } = await signedInWorkspace(gw);
    const requestId = `trace-${Date.now()}`;
    const res = await fetch(`${gw.url}/api/ticket/trpc/tickets.create`, {
      method: "POST",
      headers: {
        cookie: sessions.customerA.cookie,
        "x-csrf-token": sessions.customerA.csrf,
        "content-type": "application/json",
        "x-request-id": requestId,
      },
      body: JSON.stringify({ subject: "Printer on fire", description: "Smoke everywhere" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe(requestId);
    const ticketId = ((await res.json()) as { result: { data: { id: string } } }).result.data.id;

    const outbox = await sql.query<{ envelope: { requestId?: string } }>(
      `select envelope from ticket.outbox where envelope->'payload'->>'ticketId' = $1`,
      [ticketId],
    );
    expect(outbox.rows.map((r) => r.envelope.requestId)).toEqual([requestId]);

    const handled = await waitFor("the notification service to log the event", async () =>
      lines.find(
        (l) =>
          l.msg === "event handled" && l.service === "notification" && l.requestId === requestId,
      ),
    );
    expect(handled).toMatchObject({ type: "ticket.created", duplicate: false });
  });

  it("serves Prometheus metrics: requests by procedure and status, queues, outbox, consumers, indexing", async () => {
    const { sessions } = await signedInWorkspace(gw);
    const headers = { cookie: sessions.agent.cookie };
    const list = await fetch(`${gw.url}/api/ticket/trpc/tickets.list`, { headers });
    expect(list.status).toBe(200);
    const bad = await fetch(
      `${gw.url}/api/ticket/trpc/tickets.get?input=${encodeURIComponent('{"ticketId":1}')}`,
      { headers },
    );
    expect(bad.status).toBe(400);
    // Paths an attacker makes up land in one bucket instead of one series each.
    await fetch(`${gw.url}/api/ticket/trpc/made.up.${Date.now()}`, { headers });

    const res = await fetch(`${gw.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    const count = (labels: Record<string, string>) =>
      sample(text, "signpost_http_request_duration_seconds_count", labels);

    expect(count({ service: "ticket", procedure: "tickets.list", status: "200" })).toBeGreaterThan(
      0,
    );
    expect(count({ service: "ticket", procedure: "tickets.get", status: "400" })).toBeGreaterThan(
      0,
    );
    expect(count({ service: "ticket", procedure: "(unknown)", status: "404" })).toBeGreaterThan(0);
    expect(count({ service: "gateway", procedure: "ticket:*", status: "200" })).toBeGreaterThan(0);
    expect(count({ service: "gateway", procedure: "auth.signIn", status: "200" })).toBeGreaterThan(
      0,
    );
    expect(text).not.toContain("made.up");

    expect(
      sample(text, "signpost_queue_jobs", { queue: "events.notification", state: "waiting" }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      sample(text, "signpost_queue_oldest_waiting_seconds", {
        service: "notification",
        queue: "events.notification",
      }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      sample(text, "signpost_outbox_unpublished", { service: "ticket" }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      sample(text, "signpost_outbox_oldest_unpublished_age_seconds", { service: "ticket" }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      sample(text, "signpost_event_handling_seconds_count", {
        service: "notification",
        type: "ticket.created",
        outcome: "handled",
      }),
    ).toBeGreaterThan(0);
    expect(
      sample(text, "signpost_backlog_items", { service: "kb", backlog: "indexing" }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      sample(text, "signpost_backlog_oldest_age_seconds", { service: "kb", backlog: "indexing" }),
    ).toBeGreaterThanOrEqual(0);
  });

  it("reports an outbox that is not being relayed: its count and the age of its oldest event", async () => {
    await sql.query(
      `insert into ticket.outbox (id, type, envelope, created_at, claimed_until)
       values (gen_random_uuid(), 'test.stuck', '{}', now() - interval '90 seconds', now() + interval '1 hour')`,
    );
    try {
      const text = await (await fetch(`${gw.url}/metrics`)).text();
      expect(
        sample(text, "signpost_outbox_unpublished", { service: "ticket" }),
      ).toBeGreaterThanOrEqual(1);
      expect(
        sample(text, "signpost_outbox_oldest_unpublished_age_seconds", { service: "ticket" }),
      ).toBeGreaterThanOrEqual(89);
    } finally {
      await sql.query(`delete from ticket.outbox where type = 'test.stuck'`);
    }
  });

  it("counts mails waiting to be sent in mails, and how long the oldest has waited", async () => {
    const { rows } = await sql.query<{ id: string }>(`select gen_random_uuid() as id`);
    const id = rows[0]!.id;
    // Held by a sender (its lease far off), so nothing sends it while the gauge is read.
    await sql.query(
      `insert into notification.mail_messages
         (id, workspace_id, event_id, recipient_email, template, subject, text_body, html_body,
          message_id, status, claimed_until, enqueued_at, created_at)
       values ($1, gen_random_uuid(), gen_random_uuid(), 'stuck@example.test', 'test', 'Stuck',
               'x', 'x', $2, 'sending', now() + interval '1 hour', now(),
               now() - interval '90 seconds')`,
      [id, `<${id}@example.test>`],
    );
    try {
      const text = await (await fetch(`${gw.url}/metrics`)).text();
      const mail = { service: "notification", backlog: "mail" };
      expect(sample(text, "signpost_backlog_items", mail)).toBeGreaterThanOrEqual(1);
      expect(sample(text, "signpost_backlog_oldest_age_seconds", mail)).toBeGreaterThanOrEqual(89);
      expect(
        sample(text, "signpost_backlog_items", { service: "ticket", backlog: "sla_timers" }),
      ).toBeGreaterThanOrEqual(0);
    } finally {
      await sql.query(`delete from notification.mail_messages where id = $1`, [id]);
    }
  });

  it("never serves a service's metrics or probes through the public /api routes", async () => {
    for (const path of [
      "/api/ticket/metrics",
      "/api/kb/metrics/",
      "/api/notification//metrics",
      "/api/ticket/%6Detrics",
      "/api/ticket/METRICS",
      "/api/kb/readyz",
    ]) {
      const res = await fetch(`${gw.url}${path}`);
      const body = await res.text();
      expect(res.status, path).toBe(404);
      expect(body, path).not.toContain("signpost_");
    }
  });
});
