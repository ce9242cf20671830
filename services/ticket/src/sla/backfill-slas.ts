import type { Db, Sql } from "@signpost/db";
import type { Logger } from "@signpost/queue";
import { ticketColumns, toTicket, type TicketRow } from "../tickets/ticket-repository.ts";
import type { SlaClock } from "./business-calendar.ts";
import { backfillRecord } from "./backfill-record.ts";
import { policyRepository } from "./policy-repository.ts";
import type { SlaTargets } from "./sla-record.ts";
import { slaRepository } from "./sla-repository.ts";
import { clockFor, targetsFor } from "./targets.ts";

const batchSize = 200;

/**
 * Gives every ticket without an SLA row (opened before the SLA engine or its policies existed)
 * the row it would have (see `backfillRecord`), one batch per transaction in ticket id order, and
 * returns how many rows it wrote. Idempotent: a ticket with a row is never touched. Safe with
 * several replicas running it at once: a batch locks its tickets with SKIP LOCKED (a ticket
 * another replica or a change holds is left to them) and writes only where no row exists yet.
 */
export async function backfillSlas(
  db: Db,
  opts: { now?: () => number; stopped?: () => boolean; afterBatch?: () => void } = {},
): Promise<number> {
  let written = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    if (opts.stopped?.()) return written;
    const batch = await db.transaction(async (tx) => {
      const { rows } = await tx.query<TicketRow>(
        `select ${ticketColumns} from ticket.tickets t
          where t.id > $1
            and not exists (select 1 from ticket.ticket_slas s where s.ticket_id = t.id)
          order by t.id limit ${batchSize}
          for update of t skip locked`,
        [after],
      );
      return {
        last: rows.at(-1)?.id,
        written: await writeBatch(tx, rows, opts.now?.() ?? Date.now()),
      };
    });
    written += batch.written;
    if (batch.written > 0) opts.afterBatch?.();
    if (!batch.last) return written;
    after = batch.last;
  }
}

async function writeBatch(tx: Sql, rows: TicketRow[], now: number): Promise<number> {
  // Tickets of one workspace share policies and calendars: look each up once per batch.
  const targets = new Map<string, Promise<SlaTargets>>();
  const clocks = new Map<string, Promise<SlaClock>>();
  const autoClose = new Map<string, Promise<number>>();
  const once = <T>(m: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    const hit = m.get(key);
    if (hit) return hit;
    const made = load();
    m.set(key, made);
    return made;
  };
  let written = 0;
  for (const row of rows) {
    const t = toTicket(row);
    const tg = await once(targets, `${t.workspaceId}/${t.priority}/${t.category}/${t.orgId}`, () =>
      targetsFor(tx, t),
    );
    const clock = await once(clocks, `${t.workspaceId}/${tg.calendarId}`, () =>
      clockFor(tx, t.workspaceId, tg.calendarId),
    );
    const days = await once(autoClose, t.workspaceId, () =>
      policyRepository.autoCloseDays(tx, t.workspaceId),
    );
    const rec = backfillRecord(t, tg, clock, days, now);
    const { text, params } = slaRepository.saveStatement(rec, clock, undefined, true);
    written += (await tx.query(text, params)).rowCount;
  }
  return written;
}

/**
 * Runs the backfill once in the background at start-up; `afterBatch` lets the timer relay enqueue
 * the new rows' timers. A failure is logged and left for the next start.
 */
export function startSlaBackfill(opts: { db: Db; logger: Logger; afterBatch: () => void }) {
  let stopped = false;
  const done = backfillSlas(opts.db, { stopped: () => stopped, afterBatch: opts.afterBatch })
    .then((written) => {
      if (written > 0) opts.logger.info({ written }, "SLA rows backfilled for older tickets");
    })
    .catch((error: unknown) => {
      opts.logger.warn({ err: error }, "SLA backfill failed; the next start tries again");
    });
  return {
    done,
    async stop() {
      stopped = true;
      await done;
    },
  };
}
