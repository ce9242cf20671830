import { expect, it } from "vitest";
import { createLogger, generateIdentityKeys, identityVerifier } from "@signpost/service-kit";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { createTicketService } from "../service.ts";
import { ticketSuite } from "../testing/ticket-suite.ts";
import { backfillSlas } from "./backfill-slas.ts";

interface SlaRow {
  ticket_id: string;
  state: string;
  fr_state: string;
  res_state: string;
  paused_since: Date | null;
  auto_close_at: Date | null;
  next_check_at: Date | null;
  updated_at: Date;
}

const hours = (n: number) => `${n} hours`;

/** Tickets from before the SLA engine get the SLA rows they would have, once, quietly. */
describeWithInfra("SLA backfill for older tickets", (infra) => {
  const suite = ticketSuite(infra);
  const { ws } = suite;

  const open = (subject: string) =>
    suite.h.as(ws.agent).tickets.create.mutate({
      subject,
      description: "From before the SLA engine.",
      requesterId: ws.customerA.userId,
    });

  /** Rewrites a ticket as the old schema left it: its history in its columns, no SLA row. */
  async function makeOld(
    id: string,
    status: string,
    created: number,
    times: { updated?: number; firstResponse?: number; resolved?: number } = {},
  ) {
    const ago = (h?: number) => (h === undefined ? null : hours(h));
    await suite.h.db.query(
      `update ticket.tickets set status = $2, status_key = $2,
              created_at = now() - $3::interval,
              updated_at = now() - coalesce($4::interval, $3::interval),
              first_response_at = now() - $5::interval,
              resolved_at = now() - $6::interval
        where id = $1`,
      [
        id,
        status,
        hours(created),
        ago(times.updated),
        ago(times.firstResponse),
        ago(times.resolved),
      ],
    );
    await suite.h.db.query(`delete from ticket.ticket_slas where ticket_id = $1`, [id]);
  }

  const slaOf = async (ids: string[]) =>
    (
      await suite.h.db.query<SlaRow>(
        `select ticket_id, state, fr_state, res_state, paused_since, auto_close_at,
                next_check_at, updated_at
           from ticket.ticket_slas where ticket_id = any($1::uuid[])`,
        [ids],
      )
    ).rows;

  it("replays each ticket's clock from its columns, once, with two replicas at it", async () => {
    const [late, waiting, resolved, current] = await Promise.all([
      open("Open for ten days"),
      open("Waiting on the customer"),
      open("Resolved long ago"),
      open("Opened today"),
    ]);
    if (!late || !waiting || !resolved || !current) throw new Error("tickets not opened");
    await makeOld(late.id, "open", 240);
    await makeOld(waiting.id, "waiting_on_customer", 48, { updated: 24, firstResponse: 47 });
    await makeOld(resolved.id, "resolved", 120, { firstResponse: 118, resolved: 96 });
    const [before] = await slaOf([current.id]);

    // Two replicas starting at once share the work and write each row once.
    const written = await Promise.all([backfillSlas(suite.h.db), backfillSlas(suite.h.db)]);
    expect(written[0] + written[1]).toBe(3);

    const rows = new Map(
      (await slaOf([late.id, waiting.id, resolved.id])).map((r) => [r.ticket_id, r]),
    );
    // Medium: 8 h to answer, 72 h to resolve; ten days without either is two breaches.
    expect(rows.get(late.id)).toMatchObject({
      state: "breached",
      fr_state: "breached",
      res_state: "breached",
    });
    // Answered in an hour, waiting on the customer for a day: paused since its last change.
    const w = rows.get(waiting.id);
    expect(w).toMatchObject({ state: "paused", fr_state: "met", res_state: "pending" });
    expect(Date.now() - new Date(w?.paused_since ?? 0).getTime()).toBeGreaterThan(23 * 3600_000);
    // Resolved in a day: met; its three-day auto-close already passed, so nothing is scheduled.
    expect(rows.get(resolved.id)).toMatchObject({
      state: "met",
      fr_state: "met",
      res_state: "met",
      auto_close_at: null,
      next_check_at: null,
    });
    // Breaches of the past are recorded, not announced; the ticket that had a row is untouched.
    expect(await suite.h.events("sla.breached", late.id)).toEqual([]);
    expect(await slaOf([current.id])).toEqual([before]);

    // Idempotent: nothing left to do.
    expect(await backfillSlas(suite.h.db)).toBe(0);
  });

  it("runs by itself when a replica starts", async () => {
    const t = await open("Older than the SLA engine");
    await makeOld(t.id, "in_progress", 30, { updated: 29, firstResponse: 29 });
    const keys = await generateIdentityKeys();
    const replica = createTicketService(
      {
        db: suite.h.db,
        transport: suite.h.transport,
        logger: createLogger("ticket-replica", "warn"),
        verifyIdentity: await identityVerifier(keys.publicJwk),
      },
      { attachmentsDir: "unused-by-this-test" },
    );
    replica.start();
    try {
      const [row] = await waitFor("the replica's backfill", async () => {
        const found = await slaOf([t.id]);
        return found.length === 1 ? found : undefined;
      });
      // Answered in an hour, 30 h open on a 72 h target: running, not breached.
      expect(row).toMatchObject({ state: "ok", fr_state: "met", res_state: "pending" });
      expect(row?.next_check_at).not.toBeNull();
    } finally {
      await replica.stop();
    }
  });
});
