import { randomUUID } from "node:crypto";
import { createTRPCClient, httpLink } from "@trpc/client";
import {
  eventQueueOf,
  type DomainEvent,
  type EventType,
  type LatestPayloadOf,
  type TIdentity,
} from "@signpost/contracts";
import { createPgDb, createPgliteDb, migrate, type Db } from "@signpost/db";
import {
  appendToOutbox,
  buildEvent,
  createBullmqTransport,
  createEmbeddedTransport,
  messagingMigrations,
  startOutboxRelay,
  type Transport,
} from "@signpost/queue";
import {
  createLogger,
  generateIdentityKeys,
  identitySigner,
  identityVerifier,
} from "@signpost/service-kit";
import { freshDatabase, testWorkspace, uniqueSuffix, waitFor, type Infra } from "@signpost/testkit";
import type { NotificationRouter } from "../src/router.ts";
import { createNotificationService } from "../src/service.ts";
import type { NotificationOptions } from "../src/deps.ts";

/** Where the suite runs: Postgres + BullMQ on Redis, or PGlite + the embedded queue. */
export type Mode = { kind: "postgres"; infra: Infra } | { kind: "pglite" };

// A stand-in producer's schema: events go through a real outbox and relay, as the ticket
// service's and the gateway's do.
const producer = "producer_test";

/**
 * The notification service on real infrastructure, a producer publishing events through an
 * outbox, signed-in clients, and the queue the ticket service would read `mail.received` from.
 */
export async function startHarness(mode: Mode, options: Partial<NotificationOptions>) {
  let db: Db;
  let transport: Transport;
  let dropDb = async () => {};
  if (mode.kind === "postgres") {
    const fresh = await freshDatabase(mode.infra.databaseUrl);
    db = createPgDb({ url: fresh.url });
    dropDb = fresh.drop;
    transport = createBullmqTransport({
      redisUrl: mode.infra.redisUrl,
      prefix: `n${uniqueSuffix()}`,
    });
  } else {
    db = await createPgliteDb();
    transport = await createEmbeddedTransport({ db });
  }
  const logger = createLogger("notification-test", "silent");
  const keys = await generateIdentityKeys();
  const sign = await identitySigner(keys.privateJwk);
  const service = createNotificationService(
    { db, transport, logger, verifyIdentity: await identityVerifier(keys.publicJwk) },
    {
      mailFrom: "support@desk.test",
      publicUrl: "http://desk.test",
      allowLoopbackWebhooks: true,
      mailAttempts: 4,
      mailBackoffMs: 100,
      webhookAttempts: 3,
      webhookBackoffMs: 100,
      relayPollMs: 50,
      livePollMs: 50,
      ...options,
    },
  );
  await service.migrate();
  await migrate(db, producer, [...messagingMigrations]);
  service.start();
  const relay = startOutboxRelay({ db, schema: producer, transport, logger, pollMs: 50 });

  // What the ticket service would receive.
  const toTicket: DomainEvent[] = [];
  transport.consume(
    eventQueueOf("ticket"),
    async (job) => void toTicket.push(job.data as DomainEvent),
  );

  const ws = testWorkspace();
  const people = {
    customerA: { ...ws.customerA, email: "ann@customer-a.test" },
    customerB: { ...ws.customerB, email: "bob@customer-b.test" },
    agent: { ...ws.agent, email: "agent@desk.test" },
    agent2: { ...ws.agent, userId: randomUUID(), name: "Second Agent", email: "agent2@desk.test" },
    editor: { ...ws.editor, email: "editor@desk.test" },
    admin: {
      ...ws.admin,
      roles: ["admin", "agent"] as TIdentity["roles"],
      email: "admin@desk.test",
    },
  };
  const groupId = randomUUID();

  /** Commits `events` in the producer's outbox and relays them. */
  async function publish(...events: DomainEvent[]) {
    await db.transaction(async (tx) => {
      for (const e of events) await appendToOutbox(tx, producer, e);
    });
    await relay.flush();
    return events;
  }

  const event = <T extends EventType>(
    type: T,
    payload: LatestPayloadOf<T>,
    orgId: string | null = null,
  ) => buildEvent(type, { workspaceId: ws.workspaceId, orgId, payload });

  /** Announces everyone (and a group of the two agents), as the gateway does. */
  async function seedDirectory() {
    await publish(
      ...Object.values(people).map((p) =>
        event("directory.user.changed", {
          userId: p.userId,
          email: p.email,
          name: p.name,
          roles: p.roles,
          orgId: p.orgId,
          active: true,
        }),
      ),
      event("directory.group.changed", {
        groupId,
        name: "Tier 1",
        memberIds: [people.agent.userId, people.agent2.userId],
        deleted: false,
      }),
    );
    // Events are handled concurrently, in no set order: a test's first ticket must not race the
    // directory it is addressed by.
    await waitFor("the directory to be projected", async () => {
      const { rows } = await db.query<{ n: number }>(
        `select (select count(*) from notification.directory_people where workspace_id = $1)::int
              + (select count(*) from notification.directory_groups where group_id = $2)::int as n`,
        [ws.workspaceId, groupId],
      );
      return rows[0]?.n === Object.keys(people).length + 1;
    });
  }

  const clientFor = (who: TIdentity) =>
    createTRPCClient<NotificationRouter>({
      links: [
        httpLink({
          url: "http://notification/trpc",
          fetch: async (url, init) =>
            service.app.fetch(new Request(url as string, init as RequestInit)),
          headers: async () => ({ authorization: `Bearer ${await sign(who)}` }),
        }),
      ],
    });

  return {
    db,
    transport,
    service,
    ws,
    people,
    groupId,
    publish,
    event,
    seedDirectory,
    clientFor,
    sign,
    /** The public key services verify identities with (for another replica). */
    publicKey: async () => keys.publicJwk,
    toTicket,
    async stop() {
      await relay.stop();
      await service.stop();
      await transport.close();
      await db.close();
      await dropDb();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** A ticket header as the ticket service's events carry it. */
export function ticketHeader(
  h: Harness,
  over: Partial<{ assigneeId: string | null; groupId: string | null }> = {},
) {
  return {
    ticketId: randomUUID(),
    number: 1000 + Math.floor(Math.random() * 9000),
    subject: "Printer <b>on fire</b>",
    requesterId: h.people.customerA.userId,
    assigneeId: null,
    groupId: null,
    ...over,
  };
}

/** An agent's comment on a ticket of customer A's organization; `over` changes any of it. */
export function commentEvent(
  h: Harness,
  t: ReturnType<typeof ticketHeader>,
  over: Partial<LatestPayloadOf<"ticket.commented">> = {},
) {
  return h.event(
    "ticket.commented",
    {
      ...t,
      commentId: randomUUID(),
      authorId: h.people.agent.userId,
      authorIsStaff: true,
      visibility: "public",
      body: "Public words",
      mentionedIds: [],
      attachmentCount: 0,
      inboundMessageId: null,
      ...over,
    },
    h.ws.orgA,
  );
}

/**
 * An HTTP-only replica beside the harness's service, on the same database and Redis: what its
 * streams hear can only have come through Redis, not through the harness's own process.
 */
export async function startHttpReplica(h: Harness, infra: Infra) {
  const { rows } = await h.db.query<{ name: string }>(`select current_database() as name`);
  const url = new URL(infra.databaseUrl);
  url.pathname = `/${rows[0]!.name}`;
  const db = createPgDb({ url: url.toString() });
  const transport = createBullmqTransport({
    redisUrl: infra.redisUrl,
    prefix: `r${uniqueSuffix()}`,
  });
  const replica = createNotificationService(
    {
      db,
      transport,
      logger: createLogger("replica", "silent"),
      verifyIdentity: await identityVerifier(await h.publicKey()),
      roles: { relay: false, consumers: false },
    },
    { mailFrom: "support@desk.test", publicUrl: "http://desk.test", redisUrl: infra.redisUrl },
  );
  replica.start();
  return {
    app: replica.app,
    async stop() {
      await replica.stop();
      await transport.close();
      await db.close();
    },
  };
}
