import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { codeOf, startTicketHarness, type TicketHarness } from "../testing/harness.ts";

/** Ticket numbers from a per-workspace sequence (migration 0200) and creation's single write. */
describeWithInfra("opening tickets side by side", (infra) => {
  let h: TicketHarness;

  beforeAll(async () => {
    h = await startTicketHarness(infra);
  });
  afterAll(async () => h?.stop());

  const open = (who: ReturnType<typeof testWorkspace>["customerA"], subject: string) =>
    h.as(who).tickets.create.mutate({ subject, description: "Opened side by side." });

  it("gives concurrent first tickets of a new workspace distinct numbers from #1001", async () => {
    const ws = testWorkspace();
    await h.publishPeople(ws);
    const tickets = await Promise.all(
      Array.from({ length: 12 }, (_, i) => open(ws.customerA, `Parallel ${i}`)),
    );
    const numbers = tickets.map((t) => t.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => 1001 + i));
  });

  it("writes the ticket, its audit entry, its event and its SLA row together", async () => {
    const ws = testWorkspace();
    await h.publishPeople(ws);
    const t = await open(ws.customerA, "All rows at once");
    const { rows } = await h.db.query<{ audits: number; slas: number; due: Date | null }>(
      `select (select count(*)::int from ticket.audit_log
                where ticket_id = $1 and action = 'created') as audits,
              (select count(*)::int from ticket.ticket_slas where ticket_id = $1) as slas,
              (select res_due_at from ticket.ticket_slas where ticket_id = $1) as due`,
      [t.id],
    );
    expect(rows[0]).toMatchObject({ audits: 1, slas: 1 });
    // Medium priority by default: 72 h to resolve, counted from the ticket's creation.
    expect(new Date(rows[0]?.due ?? 0).getTime() - Date.parse(t.createdAt)).toBe(72 * 3600_000);
    const [created] = await h.events("ticket.created", t.id);
    expect(created?.payload).toMatchObject({ number: t.number, ticketId: t.id });
  });

  it("leaves a gap after a refused creation and keeps counting up", async () => {
    const ws = testWorkspace();
    await h.publishPeople(ws);
    const first = await open(ws.customerA, "Before the refusal");
    expect(
      await codeOf(
        h.as(ws.customerA).tickets.create.mutate({
          subject: "Refused",
          description: "No such category.",
          category: "no_such_category",
        }),
      ),
    ).toBe("BAD_REQUEST");
    const next = await open(ws.customerA, "After the refusal");
    expect(next.number).toBeGreaterThan(first.number);
    const { rows } = await h.db.query(
      `select 1 from ticket.tickets where workspace_id = $1 and subject = 'Refused'`,
      [ws.workspaceId],
    );
    expect(rows).toEqual([]);
  });

  it("fails only the creation the database refuses among those written together", async () => {
    const ws = testWorkspace();
    await h.publishPeople(ws);
    // A constraint only one of the batch breaks, so the shared statement fails as a whole.
    await h.db.exec(`
      create function ticket.refuse_one() returns trigger language plpgsql as $$
      begin
        if new.subject = 'Refused by the database' then raise exception 'refused'; end if;
        return new;
      end $$;
      create trigger refuse_one before insert on ticket.tickets
        for each row execute function ticket.refuse_one();`);
    try {
      const outcomes = await Promise.allSettled([
        ...Array.from({ length: 8 }, (_, i) => open(ws.customerA, `Together ${i}`)),
        open(ws.customerA, "Refused by the database"),
        h.as(ws.customerA).tickets.create.mutate({
          subject: "Bad category",
          description: "Refused before any write.",
          category: "no_such_category",
        }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([
        ...Array.from({ length: 8 }, () => "fulfilled"),
        "rejected",
        "rejected",
      ]);
      const { rows } = await h.db.query<{ subject: string; audits: number; events: number }>(
        `select t.subject,
                (select count(*)::int from ticket.audit_log a where a.ticket_id = t.id) as audits,
                (select count(*)::int from ticket.outbox o
                  where o.type = 'ticket.created' and o.envelope->'payload'->>'ticketId' = t.id::text)
                  as events
           from ticket.tickets t where t.workspace_id = $1 order by t.subject`,
        [ws.workspaceId],
      );
      expect(rows).toEqual(
        Array.from({ length: 8 }, (_, i) => ({ subject: `Together ${i}`, audits: 1, events: 1 })),
      );
    } finally {
      await h.db.exec(`drop trigger refuse_one on ticket.tickets;
        drop function ticket.refuse_one();`);
    }
  });

  it("continues after the numbers a workspace used before sequences existed", async () => {
    const ws = testWorkspace();
    await h.publishPeople(ws);
    // A workspace numbered by the old counter row up to #4711.
    await h.db.query(
      `insert into ticket.ticket_counters (workspace_id, last_number) values ($1, 4711)`,
      [ws.workspaceId],
    );
    const t = await open(ws.customerA, "After the counter");
    expect(t.number).toBe(4712);
  });
});
