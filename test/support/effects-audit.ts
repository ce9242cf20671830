import type pg from "pg";
import { queuesFor, serviceNames, eventQueueOf } from "@signpost/contracts";
import { waitFor } from "@signpost/testkit";
import type { LoadRecord, LoadSession } from "./mixed-load.ts";
import type { SmtpSink } from "@signpost/testkit/smtp-sink";

/** Where the audit looks: the run's database, its SMTP sink, the KB and a gateway. */
export interface AuditTarget {
  sql: pg.Client;
  smtp: SmtpSink;
  /** Every KB replica's base URL: each reports the indexing backlog on /metrics. */
  kbUrls: string[];
  gateway: string;
  admin: LoadSession;
  editor: LoadSession;
}

const outboxes = ["identity", "ticket", "kb", "notification"];

async function get<T>(target: AuditTarget, who: LoadSession, path: string): Promise<T> {
  const res = await fetch(`${target.gateway}/api/${path.replace(".", "/trpc/")}`, {
    headers: { cookie: who.cookie, "x-csrf-token": who.csrf },
    signal: AbortSignal.timeout(20_000),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

const rows = async <T extends pg.QueryResultRow>(
  t: AuditTarget,
  text: string,
  values?: unknown[],
) => (await t.sql.query<T>(text, values)).rows;

/** Events each consumer should have handled (from every outbox) and has handled (its inbox). */
async function eventTally(t: AuditTarget) {
  // One after another: a pg.Client runs one query at a time.
  const published: { id: string; type: string; published: boolean }[] = [];
  for (const s of outboxes)
    published.push(
      ...(await rows<{ id: string; type: string; published: boolean }>(
        t,
        `select id, type, published_at is not null as published from ${s}.outbox`,
      )),
    );
  const tally: Record<string, { routed: number; handled: number; unhandled: string[] }> = {};
  for (const service of serviceNames) {
    const inbox = new Set(
      (await rows<{ event_id: string }>(t, `select event_id from ${service}.inbox`)).map(
        (r) => r.event_id,
      ),
    );
    const routed = published.filter((e) => queuesFor(e.type).includes(eventQueueOf(service)));
    tally[service] = {
      routed: routed.length,
      handled: inbox.size,
      unhandled: routed.filter((e) => !inbox.has(e.id)).map((e) => `${e.type} ${e.id}`),
    };
  }
  return { unpublished: published.filter((e) => !e.published).length, tally };
}

/** The KB's indexing backlog as its replicas report it (the same table; each must say 0). */
async function indexingBacklog(t: AuditTarget): Promise<number> {
  let total = 0;
  for (const url of t.kbUrls) {
    const text = await (await fetch(`${url}/metrics`)).text();
    const line = text
      .split("\n")
      .find((l) => l.startsWith("signpost_backlog_items{") && l.includes('backlog="indexing"'));
    total += Number(line?.split(" ").pop() ?? Number.NaN);
  }
  return total;
}

/**
 * Waits until every effect of the load has happened: every outbox published, every routed event in
 * its consumer's inbox, no mail waiting to be sent, the KB's indexing backlog empty.
 */
export async function waitForQuiescence(t: AuditTarget, timeoutMs = 120_000) {
  let last = "";
  await waitFor(
    "every effect to settle",
    async () => {
      const events = await eventTally(t).catch(() => undefined);
      const mail = await rows<{ n: number }>(
        t,
        `select count(*)::int as n from notification.mail_messages where status in ('queued', 'sending')`,
      ).catch(() => undefined);
      const backlog = await indexingBacklog(t).catch(() => Number.NaN);
      const unhandled = events
        ? Object.values(events.tally).reduce((n, s) => n + s.unhandled.length, 0)
        : Number.NaN;
      last = JSON.stringify({
        unpublished: events?.unpublished,
        unhandled,
        mailPending: mail?.[0]?.n,
        indexingBacklog: backlog,
      });
      return events?.unpublished === 0 && unhandled === 0 && mail?.[0]?.n === 0 && backlog === 0;
    },
    timeoutMs,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; last seen ${last}`);
  });
  return last;
}

/**
 * Counts every effect of the load and lists what is wrong: a ticket or comment acknowledged but
 * not stored, or stored twice; an event not handled; a mail not sent, sent twice or dead; a
 * resolved ticket or published article not in the KB index, or in it twice.
 */
export async function auditEffects(
  t: AuditTarget,
  load: LoadRecord,
  opts: {
    /**
     * Mails a killed sender may have handed to the SMTP server just before it died, unrecorded:
     * SMTP has no way to make that exactly once. Such a mail goes again with the same Message-ID
     * (which mail clients collapse into one); it must have been claimed more than once, and
     * there may be no more of them than the killed processes had in flight.
     */
    resendsAfterCrash?: number;
  } = {},
) {
  const problems: string[] = [];
  const expectEqual = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      problems.push(`${what}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  };

  // Tickets and comments: each acknowledged one stored once, with the id the caller was given.
  const tickets = await rows<{ subject: string; ids: string[] }>(
    t,
    `select subject, array_agg(id::text) as ids from ticket.tickets group by subject`,
  );
  const ticketsBySubject = new Map(tickets.map((r) => [r.subject, r.ids]));
  const storedTickets = tickets.reduce((n, r) => n + r.ids.length, 0);
  for (const [subject, id] of load.tickets)
    expectEqual(`ticket "${subject}"`, ticketsBySubject.get(subject), [id]);
  expectEqual("tickets stored twice", tickets.filter((r) => r.ids.length > 1).length, 0);
  const failedCreates = load.failed.filter((f) => f.op === "ticket.create").length;
  if (storedTickets > load.tickets.size + failedCreates)
    problems.push(`${storedTickets} tickets stored for ${load.tickets.size} acknowledged`);

  const comments = await rows<{ body: string; ids: string[] }>(
    t,
    `select body, array_agg(id::text) as ids from ticket.comments where author_is_staff group by body`,
  );
  const commentsByBody = new Map(comments.map((r) => [r.body, r.ids]));
  for (const [body, id] of load.comments)
    expectEqual(`comment "${body}"`, commentsByBody.get(body), [id]);
  expectEqual("comments stored twice", comments.filter((r) => r.ids.length > 1).length, 0);
  const storedComments = comments.reduce((n, r) => n + r.ids.length, 0);

  // Events: every one routed to a service is in its inbox (which holds an event id once).
  const events = await eventTally(t);
  expectEqual("unpublished events", events.unpublished, 0);
  for (const [service, s] of Object.entries(events.tally))
    expectEqual(`${service}: events not handled`, s.unhandled.slice(0, 5), []);
  const typeCounts = await rows<{ type: string; n: number }>(
    t,
    `select type, count(*)::int as n from ticket.outbox group by type`,
  );
  const ofType = (type: string) => typeCounts.find((r) => r.type === type)?.n ?? 0;
  expectEqual("ticket.created events", ofType("ticket.created"), storedTickets);

  // Notifications: one per event, kind and recipient; every new ticket told someone.
  const doubled = await rows(
    t,
    `select event_id from notification.notifications
      group by event_id, kind, audience, recipient_id having count(*) > 1`,
  );
  expectEqual("notifications doubled", doubled.length, 0);
  const silent = await rows(
    t,
    `select o.id from ticket.outbox o
      where o.type = 'ticket.created'
        and not exists (select 1 from notification.notifications n where n.event_id = o.id)`,
  );
  expectEqual("ticket.created events that notified no one", silent.length, 0);

  // Mail: the ledger (one row per event and address) against what the SMTP server received.
  const ledger = await rows<{
    message_id: string;
    template: string;
    status: string;
    attempts: number;
  }>(t, `select message_id, template, status, attempts from notification.mail_messages`);
  let resent = 0;
  const arrived = t.smtp.countsByMessageId();
  const byTemplate: Record<string, number> = {};
  for (const m of ledger) {
    byTemplate[m.template] = (byTemplate[m.template] ?? 0) + 1;
    const times = arrived.get(m.message_id) ?? 0;
    if (m.status !== "sent") problems.push(`mail ${m.message_id} is ${m.status}`);
    else if (times === 2 && m.attempts > 1) resent++;
    else if (times !== 1)
      problems.push(`mail ${m.message_id} arrived ${arrived.get(m.message_id) ?? 0} times`);
  }
  if (resent > (opts.resendsAfterCrash ?? 0))
    problems.push(`${resent} mails arrived twice; a crash explains ${opts.resendsAfterCrash ?? 0}`);
  const known = new Set(ledger.map((m) => m.message_id));
  const stray = [...arrived.keys()].filter((id) => !known.has(id));
  expectEqual("mails received that the ledger does not hold", stray.slice(0, 5), []);
  expectEqual("acknowledgements mailed", byTemplate.acknowledged ?? 0, storedTickets);
  expectEqual("replies mailed", byTemplate.agentReply ?? 0, storedComments);
  expectEqual("rating requests mailed", byTemplate.csatRequest ?? 0, ofType("ticket.resolved"));
  const dead = await get<unknown[]>(t, t.admin, "notification.mail.deadLetters");
  expectEqual("dead letters", dead.length, 0);

  // KB: every resolved ticket and published article indexed, each chunk once.
  const pending = await get<unknown[]>(t, t.editor, "kb.indexing.pending");
  expectEqual("tickets the KB has yet to index", pending.length, 0);
  const sources = await rows<{ kind: string; id: string; chunks: number; span: number }>(
    t,
    `select source_kind as kind, source_id::text as id, count(*)::int as chunks,
            (max(ordinal) + 1)::int as span
       from kb.chunks group by source_kind, source_id`,
  );
  const indexed = new Map(sources.map((s) => [`${s.kind}:${s.id}`, s]));
  expectEqual(
    "index sources with a chunk twice or missing",
    sources.filter((s) => s.chunks !== s.span).length,
    0,
  );
  const resolvedIds = (
    await rows<{ id: string }>(
      t,
      `select distinct envelope->'payload'->>'ticketId' as id from ticket.outbox
        where type = 'ticket.resolved'`,
    )
  ).map((r) => r.id);
  const unindexedTickets = resolvedIds.filter((id) => !indexed.has(`ticket:${id}`));
  expectEqual("resolved tickets not indexed", unindexedTickets.slice(0, 5), []);
  for (const id of load.resolved)
    if (!resolvedIds.includes(id)) problems.push(`ticket ${id} resolved without its event`);
  const unindexedArticles = [...load.articles.values()].filter(
    (id) => !indexed.has(`article:${id}`),
  );
  expectEqual("published articles not indexed", unindexedArticles.slice(0, 5), []);

  return {
    problems,
    counts: {
      tickets: { acknowledged: load.tickets.size, stored: storedTickets },
      comments: { acknowledged: load.comments.size, stored: storedComments },
      events: Object.fromEntries(
        Object.entries(events.tally).map(([s, v]) => [s, { routed: v.routed, handled: v.handled }]),
      ),
      mails: {
        ledger: ledger.length,
        received: t.smtp.received.length,
        distinctReceived: arrived.size,
        resentAfterCrash: resent,
        byTemplate,
        dead: dead.length,
      },
      kb: {
        resolvedTickets: resolvedIds.length,
        ticketsIndexed: resolvedIds.length - unindexedTickets.length,
        articles: load.articles.size,
        articlesIndexed: load.articles.size - unindexedArticles.length,
        chunks: sources.reduce((n, s) => n + s.chunks, 0),
      },
    },
  };
}
