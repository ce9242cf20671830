/**
 * pnpm bench:load [--duration 300] [--workers 8]
 *
 * A load run of the whole product as it is deployed: two replicas each of the gateway, ticket, KB
 * and notification services, every one its own process, on a fresh database on DATABASE_URL's
 * server, a fresh queue prefix on REDIS_URL and a local SMTP server. `workers` clients drive a
 * mixed workload (file tickets, reply, resolve, list, publish articles) spread over both gateways
 * for `duration` seconds; then throughput and latency per operation are printed beside a bare
 * round trip to a gateway measured in the same run, and every effect is audited: tickets and
 * comments stored once, events handled once, mails sent once, the KB index caught up.
 * Exits 1 when anything was lost or duplicated.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { createPgDb } from "@signpost/db";
import { generateIdentityKeys } from "@signpost/service-kit";
import { freshDatabase, testEnv, uniqueSuffix } from "@signpost/testkit";
import { signedInWorkspace } from "../support/clients.ts";
import { waitForNotificationDirectory } from "../support/directory.ts";
import { auditEffects, waitForQuiescence } from "../support/effects-audit.ts";
import { loadOperations, mixedLoad } from "../support/mixed-load.ts";
import {
  freePort,
  startServiceProcess,
  waitReady,
  type ServiceProcess,
} from "../support/processes.ts";
import { startSmtpSink } from "@signpost/testkit/smtp-sink";
import { closedLoop, ms, percentileOf, ratio } from "./load.ts";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "300" },
    workers: { type: "string", default: "8" },
  },
});
const duration = Number(args.duration);
const workers = Number(args.workers);
if (!testEnv.databaseUrl || !testEnv.redisUrl) {
  console.error("bench:load needs DATABASE_URL and REDIS_URL");
  process.exit(2);
}
const say = (line: string) => console.log(`[load] ${line}`);

const fresh = await freshDatabase(testEnv.databaseUrl);
const smtp = await startSmtpSink();
const sql = new pg.Client({ connectionString: fresh.url });
await sql.connect();
const db = createPgDb({ url: fresh.url });
const processes: ServiceProcess[] = [];
let failed = false;

try {
  const keys = await generateIdentityKeys();
  const prefix = `load${uniqueSuffix()}`;
  const base = {
    DATABASE_URL: fresh.url,
    REDIS_URL: testEnv.redisUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: "error",
  };
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const start = async (name: string, env: Record<string, string>) => {
    const port = await freePort();
    const p = startServiceProcess(name, { ...base, ...env, PORT: String(port) });
    processes.push(p);
    return { url: url(port), p };
  };

  // Two of everything; replica r's gateway proxies to replica r's services, and events from
  // either replica are taken by whichever consumer replica is free.
  const t0 = performance.now();
  const replicas = await Promise.all(
    [0, 1].map(async () => {
      const services = {
        ticket: await start("ticket", { IDENTITY_PUBLIC_KEY: JSON.stringify(keys.publicJwk) }),
        kb: await start("kb", { IDENTITY_PUBLIC_KEY: JSON.stringify(keys.publicJwk) }),
        notification: await start("notification", {
          IDENTITY_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
          SMTP_URL: smtp.url,
        }),
      };
      await Promise.all(Object.values(services).map((s) => waitReady(s.url, s.p, 300_000)));
      const gateway = await start("gateway", {
        TICKET_URL: services.ticket.url,
        KB_URL: services.kb.url,
        NOTIFICATION_URL: services.notification.url,
        IDENTITY_PRIVATE_KEY: JSON.stringify(keys.privateJwk),
        SEED_DEMO: "false",
        WEB_DIST: "/nonexistent",
        // Load generation from one address and a few people is the point here, not abuse.
        API_REQUESTS_PER_MINUTE_PER_PERSON: "0",
        API_REQUESTS_PER_MINUTE_PER_IP: "0",
      });
      await waitReady(gateway.url, gateway.p, 300_000);
      return { ...services, gateway };
    }),
  );
  const gateways = replicas.map((r) => r.gateway.url);
  say(
    `up in ${((performance.now() - t0) / 1000).toFixed(0)} s: gateway, ticket, kb, notification ×2 ` +
      `(${processes.length} processes), fresh database, queue prefix ${prefix}, local SMTP server`,
  );

  const { ws, sessions } = await signedInWorkspace({ db, url: gateways[0] as string });
  await waitForNotificationDirectory(sql, ws.workspaceId);

  // The raw figure: a bare round trip to a gateway, same machine, same concurrency, same run.
  const raw = await closedLoop(
    async (i) => (await fetch(`${gateways[i % gateways.length]}/healthz`)).ok,
    { connections: workers, seconds: 5 },
  );
  const load1 = () => loadavg()[0]?.toFixed(1);
  say(`machine load average (1 min): ${load1()}; other work on this machine moves every figure`);
  say(`raw: GET /healthz ${raw.perSecond.toFixed(0)}/s, p95 ${ms(raw.p95)}`);

  say(`mixed load: ${workers} clients for ${duration} s over ${gateways.length} gateways`);
  const load = mixedLoad({
    gateways,
    customer: sessions.customerA,
    agent: sessions.agent,
    editor: sessions.editor,
    workers,
    tag: prefix,
  });
  const loadStarted = performance.now();
  const progress = setInterval(() => {
    const s = (performance.now() - loadStarted) / 1000;
    const calls = loadOperations.reduce((n, op) => n + load.record.latencies[op].length, 0);
    say(
      `  ${s.toFixed(0)} s: ${calls} calls (${(calls / s).toFixed(1)}/s), ` +
        `${load.record.failed.length} failed`,
    );
  }, 30_000);
  await new Promise((r) => setTimeout(r, duration * 1000));
  const record = await load.stop();
  clearInterval(progress);
  const elapsed = (performance.now() - loadStarted) / 1000;

  const rows = loadOperations.map((op) => {
    const l = [...record.latencies[op]].sort((a, b) => a - b);
    return {
      operation: op,
      calls: l.length,
      failed: record.failed.filter((f) => f.op === op).length,
      perSecond: (l.length / elapsed).toFixed(2),
      p50: ms(percentileOf(l, 50)),
      p95: ms(percentileOf(l, 95)),
      p99: ms(percentileOf(l, 99)),
      "p95 / raw p95": ratio(percentileOf(l, 95), raw.p95),
    };
  });
  say(`machine load average (1 min) at the end: ${load1()}`);
  const total = rows.reduce((n, r) => n + r.calls, 0);
  say(`${total} calls in ${elapsed.toFixed(0)} s: ${(total / elapsed).toFixed(1)} calls/s`);
  console.table(rows);
  for (const f of record.failed.slice(0, 10)) say(`  failed ${f.op}: ${f.error}`);

  const settleStarted = performance.now();
  const target = {
    sql,
    smtp,
    kbUrls: replicas.map((r) => r.kb.url),
    gateway: gateways[0] as string,
    admin: sessions.admin,
    editor: sessions.editor,
  };
  await waitForQuiescence(target, 600_000);
  say(`settled ${((performance.now() - settleStarted) / 1000).toFixed(1)} s after the load`);
  const audit = await auditEffects(target, record);
  say(`counted ${JSON.stringify(audit.counts)}`);
  if (audit.problems.length) {
    failed = true;
    say(`LOST OR DUPLICATED (${audit.problems.length}):`);
    for (const p of audit.problems.slice(0, 50)) say(`  ${p}`);
  } else {
    say("zero lost or duplicated effects");
  }
} catch (error) {
  failed = true;
  console.error(error);
  for (const p of processes) console.error(p.output().slice(-2000));
} finally {
  await Promise.all(processes.map((p) => p.stop()));
  await sql.end();
  await db.close();
  await smtp.close();
  await fresh.drop();
}
process.exit(failed ? 1 : 0);
