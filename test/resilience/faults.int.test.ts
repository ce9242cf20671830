import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { generateIdentityKeys } from "@signpost/service-kit";
import { describeWithInfra, freshDatabase, uniqueSuffix, waitFor } from "@signpost/testkit";
import { signedInWorkspace } from "../support/clients.ts";
import { waitForNotificationDirectory } from "../support/directory.ts";
import { auditEffects, waitForQuiescence, type AuditTarget } from "../support/effects-audit.ts";
import { emptyLoadRecord, mergeLoadRecord, mixedLoad } from "../support/mixed-load.ts";
import {
  freePort,
  startServiceProcess,
  waitReady,
  type ServiceProcess,
} from "../support/processes.ts";
import { startOwnRedis, type OwnRedis } from "../support/redis-server.ts";
import { startSmtpSink, type SmtpSink } from "@signpost/testkit/smtp-sink";
import { testGatewayEnv } from "../support/run-modes.ts";

/**
 * Faults under load, each service its own process, two notification replicas, on this suite's
 * own database, its own redis-server and its own SMTP server: kill -9 a replica, restart Redis,
 * drop every Postgres connection, make the SMTP server refuse and then fail mail. After each
 * fault the load stops, everything settles, and the audit counts every effect exactly: tickets
 * and comments stored once, events handled once, mails sent once, the KB index caught up.
 */
describeWithInfra("resilience: faults under load", (infra) => {
  const say = (line: string) => console.log(`[resilience] ${line}`);
  const processes: ServiceProcess[] = [];
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let redis: OwnRedis;
  let smtp: SmtpSink;
  let sql: pg.Client;
  let gateway: RunningGateway | undefined;

  beforeAll(async () => {
    fresh = await freshDatabase(infra.databaseUrl);
    redis = await startOwnRedis();
    smtp = await startSmtpSink();
    sql = new pg.Client({ connectionString: fresh.url });
    sql.on("error", () => undefined);
    await sql.connect();
  });
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all(processes.map((p) => p.crash()));
    await sql?.end();
    await smtp?.close();
    await redis?.stop();
    await fresh?.drop();
  });

  it("loses and duplicates nothing through a replica crash, a Redis restart, dropped connections and a failing SMTP server", async () => {
    const started = Date.now();
    const at = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
    const keys = await generateIdentityKeys();
    const prefix = `res${uniqueSuffix()}`;
    const base = {
      DATABASE_URL: fresh.url,
      REDIS_URL: redis.url,
      IDENTITY_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: "warn",
      SMTP_URL: smtp.url,
    };
    const [ticketPort, kbPort, n1Port, n2Port] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const url = (port: number) => `http://127.0.0.1:${port}`;
    const start = (name: string, port: number) => {
      const p = startServiceProcess(name, { ...base, PORT: String(port) });
      processes.push(p);
      return p;
    };

    const ticket = start("ticket", ticketPort);
    const kb = start("kb", kbPort);
    let notificationA = start("notification", n1Port);
    const notificationB = start("notification", n2Port);
    await Promise.all(
      // A busy machine compiles four services at once slowly.
      [
        [ticketPort, ticket],
        [kbPort, kb],
        [n1Port, notificationA],
        [n2Port, notificationB],
      ].map(([port, p]) => waitReady(url(port as number), p as ServiceProcess, 120_000)),
    );
    gateway = await startGateway(
      testGatewayEnv({
        DATABASE_URL: fresh.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        TICKET_URL: url(ticketPort),
        KB_URL: url(kbPort),
        NOTIFICATION_URL: url(n1Port),
        IDENTITY_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
        API_REQUESTS_PER_MINUTE_PER_PERSON: "0",
        API_REQUESTS_PER_MINUTE_PER_IP: "0",
      }),
    );
    const { ws, sessions } = await signedInWorkspace(gateway);
    // Mail goes to people the notification service knows: wait for the directory to reach it.
    await waitForNotificationDirectory(sql, ws.workspaceId);
    say(`${at()} up: ticket, kb, notification x2, own redis and SMTP server`);

    const target: AuditTarget = {
      sql,
      smtp,
      kbUrls: [url(kbPort)],
      gateway: gateway.url,
      admin: sessions.admin,
      editor: sessions.editor,
    };
    const run = emptyLoadRecord();
    // A notification replica sends up to four mails at once: killing it may leave that many sent
    // but unrecorded, which go again (same Message-ID). No other fault may resend any.
    let resendsAfterCrash = 0;
    let phase = 0;
    /** Load, the fault in its midst, then: stop, settle, count everything so far. */
    const underLoad = async (name: string, fault: () => Promise<string>) => {
      const load = mixedLoad({
        gateways: [gateway!.url],
        customer: sessions.customerA,
        agent: sessions.agent,
        editor: sessions.editor,
        tag: `${prefix}-${++phase}`,
      });
      const afterIterations = (n: number) =>
        waitFor(`${n} more load iterations`, async () => load.iterations() >= n, 60_000);
      await afterIterations(8);
      say(`${at()} fault ${phase}, ${name}: ${await fault()}`);
      await afterIterations(load.iterations() + 8);
      const record = await load.stop();
      mergeLoadRecord(run, record);
      const reasons = new Map<string, number>();
      for (const f of record.failed) {
        const reason = `${f.op} ${f.error.replace(/,?"requestId":"[^"]*"/, "")}`;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
      say(
        `${at()} load stopped: ${load.iterations()} iterations, ${record.tickets.size} tickets, ` +
          `${record.comments.size} replies, ${record.resolved.size} resolved, ` +
          `${record.articles.size} articles acknowledged; ${record.failed.length} calls failed`,
      );
      for (const [reason, n] of reasons) say(`  ${n} failed: ${reason}`);
      // A fault may make a call fail, but as "try again" (503), never as a server error.
      expect(record.failed.filter((f) => f.error.startsWith("500"))).toEqual([]);
      try {
        await waitForQuiescence(target);
      } catch (error) {
        for (const p of processes) say(`process output:\n${p.output().slice(-3000)}`);
        throw error;
      }
      const audit = await auditEffects(target, run, { resendsAfterCrash });
      say(`${at()} settled; counted ${JSON.stringify(audit.counts)}`);
      expect(audit.problems).toEqual([]);
      // What this fault resent is explained; the next may resend nothing more.
      resendsAfterCrash = audit.counts.mails.resentAfterCrash;
    };

    await underLoad("kill -9 a notification replica, then restart it", async () => {
      await notificationA.crash();
      resendsAfterCrash += 4;
      const crashed = at();
      notificationA = start("notification", n1Port);
      await waitReady(url(n1Port), notificationA, 90_000);
      return `killed at ${crashed}, restarted at ${at()}`;
    });

    await underLoad("restart Redis", async () => {
      await redis.restart(1500);
      return "redis-server killed and started again on its append-only file";
    });

    await underLoad("drop every Postgres connection", async () => {
      const cut = await sql.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`,
      );
      return `terminated ${cut.rowCount} connections`;
    });

    await underLoad(
      "the SMTP server refuses connections, then fails mail, then recovers",
      async () => {
        // Short of the mail queue's retry budget (four tries over about 14 s), so nothing dies.
        const before = smtp.refused();
        smtp.setMode("refuse-connections");
        await waitFor("connections refused", async () => smtp.refused() >= before + 5, 30_000);
        const refusedConnections = smtp.refused() - before;
        smtp.setMode("fail-deliveries");
        await waitFor(
          "deliveries failed",
          async () => smtp.refused() >= before + refusedConnections + 5,
          30_000,
        );
        smtp.setMode("accept");
        return `${refusedConnections} connections refused (421), ${smtp.refused() - before - refusedConnections} mails refused (451), then accepting`;
      },
    );

    expect(run.tickets.size).toBeGreaterThan(20);
    expect(run.resolved.size).toBeGreaterThan(2);
    expect(run.articles.size).toBeGreaterThan(0);
  }, 600_000);
});
