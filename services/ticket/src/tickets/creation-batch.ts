import type { TicketDeps } from "../deps.ts";
import type { Actor } from "../shared/actor.ts";
import { combineGroups } from "../shared/write-batch.ts";
import { openingRepository, type OpeningContext } from "./opening-repository.ts";
import {
  createTicketIn,
  openingKey,
  prepareTicket,
  type NewTicketInput,
  type PreparedTicket,
} from "./open-ticket.ts";
import { toTicket, type StoredTicket, type TicketRow } from "./ticket-repository.ts";

/** Opens one ticket; resolves once it is committed. */
export type OpenTicket = (actor: Actor, input: NewTicketInput) => Promise<StoredTicket>;

/** Tickets one statement may carry: ~60 parameters each, far below Postgres's 65,535. */
const maxBatch = 64;
/** Batches in flight at once: one being read or written while the next one gathers. */
const parallel = 2;

const batches = new WeakMap<TicketDeps, OpenTicket>();

/**
 * Group commit for opening tickets: creations that arrive while `parallel` batches are in flight
 * wait, then share one read (each its own number, the workspace's categories, fields, route and
 * SLA policy) and one statement that writes every ticket with its audit entry, `ticket.created`
 * outbox event and SLA row. Two round trips and one commit (one WAL flush) per batch instead of
 * per ticket, which is what creation at many connections spends its time on.
 *
 * Each ticket keeps its own rows and number. A ticket refused by validation fails alone before the
 * statement; if the statement fails (a constraint), nothing of it is kept and each of its tickets
 * goes again alone (with a new number: the batch's numbers become gaps, as any rolled-back
 * creation's do), so only the one at fault fails. A category that routes to a group opens alone
 * in a transaction, as picking an agent locks the group.
 */
export function creationBatch(deps: TicketDeps): OpenTicket {
  let open = batches.get(deps);
  if (!open) {
    open = groupedOpening(deps);
    batches.set(deps, open);
  }
  return open;
}

interface Waiting {
  actor: Actor;
  input: NewTicketInput;
  resolve: (t: StoredTicket) => void;
  reject: (e: unknown) => void;
}

function groupedOpening(deps: TicketDeps): OpenTicket {
  const waiting: Waiting[] = [];
  let running = 0;

  /** The one-ticket path: its own read, and a transaction when it routes. */
  const alone = async (w: Waiting, known?: OpeningContext) => {
    try {
      const ctx = known ?? (await openingRepository.read(deps.db, openingKey(w.actor, w.input)));
      // Unrouted, a ticket's rows are one statement, atomic by itself: no transaction to open and
      // commit. Routing locks the group while it picks an agent and records the pick.
      w.resolve(
        ctx.routeGroupId
          ? await deps.db.transaction((tx) => createTicketIn(deps, tx, w.actor, w.input, ctx))
          : await createTicketIn(deps, deps.db, w.actor, w.input, ctx),
      );
    } catch (error) {
      w.reject(error);
    }
  };

  async function run(batch: Waiting[]) {
    if (batch.length === 1) return alone(batch[0]!);
    let contexts: OpeningContext[];
    try {
      contexts = await openingRepository.readMany(
        deps.db,
        batch.map((w) => openingKey(w.actor, w.input)),
      );
    } catch {
      return void (await Promise.all(batch.map((w) => alone(w))));
    }
    const separately: Promise<void>[] = [];
    const joined: { w: Waiting; ticket: PreparedTicket }[] = [];
    for (const [i, w] of batch.entries()) {
      const ctx = contexts[i]!;
      if (ctx.routeGroupId) {
        separately.push(alone(w, ctx));
        continue;
      }
      try {
        // Unrouted, preparing reads nothing (the SLA policy came with the context) and writes nothing.
        joined.push({ w, ticket: await prepareTicket(deps, deps.db, w.actor, w.input, ctx) });
      } catch (error) {
        w.reject(error);
      }
    }
    if (joined.length > 0) separately.push(writeTogether(joined));
    await Promise.all(separately);
  }

  async function writeTogether(joined: { w: Waiting; ticket: PreparedTicket }[]) {
    let rows: TicketRow[];
    try {
      const { text, params } = combineGroups(joined.map((j) => j.ticket.writes));
      ({ rows } = await deps.db.query<TicketRow>(text, params));
    } catch {
      await Promise.all(joined.map((j) => alone(j.w)));
      return;
    }
    const written = new Map(rows.map((r) => [r.id, r]));
    for (const { w, ticket } of joined) {
      const row = written.get(ticket.id);
      if (row) w.resolve(toTicket(row));
      else w.reject(new Error("ticket insert returned no row"));
    }
  }

  function pump() {
    while (running < parallel && waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      running++;
      void run(batch).finally(() => {
        running--;
        // Publish what the batch committed.
        deps.kickRelay();
        pump();
      });
    }
  }

  return (actor, input) =>
    new Promise<StoredTicket>((resolve, reject) => {
      waiting.push({ actor, input, resolve, reject });
      // Let the other creations of this tick join before a batch starts.
      queueMicrotask(pump);
    });
}
