/** A signed-in person as the load drives them: session cookie and CSRF token. */
export interface LoadSession {
  cookie: string;
  csrf: string;
}

export const loadOperations = [
  "ticket.create",
  "comment.add",
  "ticket.resolve",
  "ticket.list",
  "article.publish",
] as const;
export type LoadOperation = (typeof loadOperations)[number];

/** What the load asked for and what it was told, so an audit can count effects exactly. */
export interface LoadRecord {
  /** Ticket subject -> id, for every create that was acknowledged. */
  tickets: Map<string, string>;
  /** Comment body -> id, for every reply that was acknowledged. */
  comments: Map<string, string>;
  /** Tickets whose resolve was acknowledged. */
  resolved: Set<string>;
  /** Article title -> id, for every published article acknowledged. */
  articles: Map<string, string>;
  /** Calls refused or cut off: their effect may or may not exist, but never twice. */
  failed: { op: LoadOperation; error: string }[];
  /** Milliseconds per acknowledged call. */
  latencies: Record<LoadOperation, number[]>;
}

export const emptyLoadRecord = (): LoadRecord => ({
  tickets: new Map(),
  comments: new Map(),
  resolved: new Set(),
  articles: new Map(),
  failed: [],
  latencies: Object.fromEntries(loadOperations.map((o) => [o, []])) as unknown as Record<
    LoadOperation,
    number[]
  >,
});

/** Adds `from` to `into` (one fault phase's load into the run's). */
export function mergeLoadRecord(into: LoadRecord, from: LoadRecord): void {
  for (const [k, v] of from.tickets) into.tickets.set(k, v);
  for (const [k, v] of from.comments) into.comments.set(k, v);
  for (const id of from.resolved) into.resolved.add(id);
  for (const [k, v] of from.articles) into.articles.set(k, v);
  into.failed.push(...from.failed);
  for (const op of loadOperations) into.latencies[op].push(...from.latencies[op]);
}

/** One tRPC call through a gateway, as the web app makes it. */
async function call<T>(
  gateway: string,
  who: LoadSession,
  path: string,
  input: unknown,
  kind: "query" | "mutation",
): Promise<T> {
  const url = `${gateway}/api/${path.replace(".", "/trpc/")}`;
  const headers = { cookie: who.cookie, "x-csrf-token": who.csrf };
  const res =
    kind === "query"
      ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, {
          headers,
          signal: AbortSignal.timeout(20_000),
        })
      : await fetch(url, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify(input),
          signal: AbortSignal.timeout(20_000),
        });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${res.status} ${text.slice(0, 200)}`);
  return (JSON.parse(text) as { result: { data: T } }).result.data;
}

/**
 * A support desk's day in a loop, `workers` at a time, until stopped: a customer files a ticket;
 * every second one gets an agent's public reply (a mail), every fourth is then resolved (the KB
 * indexes it, the customer is asked to rate it); the customer lists their tickets; now and then
 * an editor publishes an article (the KB indexes it). Calls spread over every gateway given.
 */
export function mixedLoad(opts: {
  gateways: string[];
  customer: LoadSession;
  agent: LoadSession;
  editor: LoadSession;
  workers?: number;
  /** Makes subjects, bodies and titles unique to this run. */
  tag: string;
}) {
  const record = emptyLoadRecord();
  let stopped = false;
  let n = 0;
  let calls = 0;
  const timed = async <T>(op: LoadOperation, run: (gateway: string) => Promise<T>) => {
    const gateway = opts.gateways[calls++ % opts.gateways.length] as string;
    const t0 = performance.now();
    try {
      const out = await run(gateway);
      record.latencies[op].push(performance.now() - t0);
      return out;
    } catch (error) {
      record.failed.push({ op, error: error instanceof Error ? error.message : String(error) });
      await new Promise((r) => setTimeout(r, 100));
      return undefined;
    }
  };

  const iteration = async (i: number) => {
    const subject = `Load ${opts.tag} ${i}`;
    const ticket = await timed("ticket.create", (gw) =>
      call<{ id: string }>(
        gw,
        opts.customer,
        "ticket.tickets.create",
        { subject, description: `Printer ${i} stopped printing under load` },
        "mutation",
      ),
    );
    if (ticket) record.tickets.set(subject, ticket.id);
    if (ticket && i % 2 === 0) {
      const body = `Reply ${opts.tag} ${i}: turn it off and on again`;
      const comment = await timed("comment.add", (gw) =>
        call<{ id: string }>(
          gw,
          opts.agent,
          "ticket.comments.add",
          { ticketId: ticket.id, body },
          "mutation",
        ),
      );
      if (comment) record.comments.set(body, comment.id);
      if (comment && i % 4 === 0) {
        const done = await timed("ticket.resolve", (gw) =>
          call(gw, opts.agent, "ticket.tickets.resolve", { ticketId: ticket.id }, "mutation"),
        );
        if (done) record.resolved.add(ticket.id);
      }
    }
    await timed("ticket.list", (gw) =>
      call(gw, opts.customer, "ticket.tickets.list", { limit: 20 }, "query"),
    );
    if (i % 15 === 0) {
      const title = `Article ${opts.tag} ${i}`;
      const article = await timed("article.publish", (gw) =>
        call<{ id: string }>(
          gw,
          opts.editor,
          "kb.articles.create",
          {
            title,
            body: `## Printing\nWhen printer ${i} stops, check the queue.\n## Paper\nLoad paper ${i}.`,
            status: "published",
          },
          "mutation",
        ),
      );
      if (article) record.articles.set(title, article.id);
    }
  };

  const loop = async () => {
    while (!stopped) await iteration(++n);
  };
  const running = Array.from({ length: opts.workers ?? 2 }, loop);
  return {
    record,
    iterations: () => n,
    async stop(): Promise<LoadRecord> {
      stopped = true;
      await Promise.all(running);
      return record;
    },
  };
}
