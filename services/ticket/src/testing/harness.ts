import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import {
  eventQueueOf,
  parseEvent,
  type DomainEvent,
  type EventType,
  type EventOf,
  type TIdentity,
} from "@signpost/contracts";
import { createPgDb, type Db } from "@signpost/db";
import { buildEvent, createBullmqTransport, type Transport } from "@signpost/queue";
import {
  createLogger,
  generateIdentityKeys,
  identitySigner,
  identityVerifier,
} from "@signpost/service-kit";
import {
  freshDatabase,
  type testWorkspace,
  uniqueSuffix,
  waitFor,
  type Infra,
} from "@signpost/testkit";
import type { S3StorageConfig } from "../attachments/s3-storage.ts";
import type { TicketRouter } from "../router.ts";
import { createTicketService, type TicketService } from "../service.ts";

export type Workspace = ReturnType<typeof testWorkspace>;

/**
 * The ticket service on a fresh Postgres database and a fresh BullMQ prefix on Redis, with helpers
 * to call it as anyone, read what it put in its outbox, and feed it events as other services do.
 */
export async function startTicketHarness(
  infra: Infra,
  limits = { maxBytes: 64 * 1024, maxPerComment: 3 },
  storage: { s3?: S3StorageConfig } = {},
) {
  const fresh = await freshDatabase(infra.databaseUrl);
  const db: Db = createPgDb({ url: fresh.url, applicationName: "ticket-test" });
  const transport: Transport = createBullmqTransport({
    redisUrl: infra.redisUrl,
    prefix: `t${uniqueSuffix()}`,
  });
  const attachmentsDir = await mkdtemp(join(tmpdir(), "signpost-attachments-"));
  const keys = await generateIdentityKeys();
  const sign = await identitySigner(keys.privateJwk);
  const service: TicketService = createTicketService(
    {
      db,
      transport,
      logger: createLogger("ticket-test", "warn"),
      verifyIdentity: await identityVerifier(keys.publicJwk),
    },
    { attachmentsDir, attachmentLimits: limits, s3: storage.s3 },
  );
  await service.migrate();
  service.start();

  const as = (who: TIdentity) =>
    createTRPCClient<TicketRouter>({
      links: [
        httpLink({
          url: "http://ticket/trpc",
          fetch: async (url, init) =>
            service.app.fetch(new Request(url as string, init as RequestInit)),
          headers: async () => ({ authorization: `Bearer ${await sign(who)}` }),
        }),
      ],
    });

  /** A plain HTTP request to the service as `who` (null: anonymous). */
  const http = async (who: TIdentity | null, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (who) headers.set("authorization", `Bearer ${await sign(who)}`);
    return service.app.fetch(new Request(`http://ticket${path}`, { ...init, headers }));
  };

  /** Events this service recorded in its outbox, oldest first. */
  const events = async <T extends EventType>(type: T, ticketId?: string): Promise<EventOf<T>[]> => {
    const { rows } = await db.query<{ envelope: unknown }>(
      `select envelope from ticket.outbox where type = $1 order by seq`,
      [type],
    );
    return rows
      .map((r) => parseEvent(typeof r.envelope === "string" ? JSON.parse(r.envelope) : r.envelope))
      .filter(
        (e): e is EventOf<T> =>
          e.type === type &&
          (!ticketId || (e.payload as { ticketId?: string }).ticketId === ticketId),
      );
  };

  /** Delivers an event to the ticket service's queue, as the relay of another service would. */
  const deliver = async (event: DomainEvent) => {
    await transport.enqueue(eventQueueOf("ticket"), {
      id: event.id,
      name: event.type,
      data: event,
    });
  };

  /** Delivers an event and waits until its consumer transaction has committed. */
  const deliverAndWait = async (event: DomainEvent) => {
    await deliver(event);
    await waitFor(`${event.type} ${event.id} handled`, async () => {
      const { rows } = await db.query(`select 1 from ticket.inbox where event_id = $1`, [event.id]);
      return rows.length > 0;
    });
  };

  /** Tells the service about the workspace's people (as the gateway's directory events do). */
  const publishPeople = async (ws: Workspace, extra: TIdentity[] = []) => {
    const people = [ws.customerA, ws.customerB, ws.agent, ws.editor, ws.admin, ...extra];
    for (const p of people) {
      await deliver(
        buildEvent("directory.user.changed", {
          workspaceId: ws.workspaceId,
          orgId: p.orgId,
          payload: {
            userId: p.userId,
            email: `${p.name.toLowerCase().replace(/\s+/g, ".")}@example.com`,
            name: p.name,
            roles: p.roles,
            orgId: p.orgId,
            active: true,
          },
        }),
      );
    }
    await waitFor("the people projection", async () => {
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from ticket.directory_people where workspace_id = $1`,
        [ws.workspaceId],
      );
      return (rows[0]?.n ?? 0) >= people.length;
    });
  };

  /** Creates (or changes) a group through a directory event and waits until it is projected. */
  const publishGroup = async (
    ws: Workspace,
    name: string,
    memberIds: string[],
    groupId: string = randomUUID(),
  ) => {
    await deliver(
      buildEvent("directory.group.changed", {
        workspaceId: ws.workspaceId,
        orgId: null,
        payload: { groupId, name, memberIds, deleted: false },
      }),
    );
    await waitFor(`group ${name}`, async () => {
      const { rows } = await db.query<{ member_ids: string[] }>(
        `select member_ids from ticket.directory_groups where group_id = $1`,
        [groupId],
      );
      return rows[0] && rows[0].member_ids.length === memberIds.length;
    });
    return groupId;
  };

  /** A staff member of `ws` with the given roles (not one of the testWorkspace people). */
  const person = (
    ws: Workspace,
    name: string,
    roles: TIdentity["roles"],
    orgId: string | null = null,
  ): TIdentity => ({
    userId: randomUUID(),
    workspaceId: ws.workspaceId,
    roles,
    orgId,
    name,
  });

  return {
    db,
    transport,
    service,
    as,
    http,
    events,
    deliver,
    deliverAndWait,
    publishPeople,
    publishGroup,
    person,
    async stop() {
      await service.stop();
      await transport.close();
      await db.close();
      await fresh.drop();
      await rm(attachmentsDir, { recursive: true, force: true });
    },
  };
}

export type TicketHarness = Awaited<ReturnType<typeof startTicketHarness>>;

/** The tRPC error code a call failed with, or "OK". */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    return (error as { data?: { code?: string } | null }).data?.code ?? "UNKNOWN";
  }
}

/** The message a call failed with. */
export async function messageOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}
