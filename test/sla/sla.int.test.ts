import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { codeOf } from "../support/clients.ts";
import { embeddedMode, postgresMode, type RunMode, testGatewayEnv } from "../support/run-modes.ts";
import { countOf, eventsOf, seconds, sleep, slaWorkspace } from "./sla-support.ts";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : NaN);
const utcDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The SLA engine end to end through the API: business hours, pauses, priority changes, warning and
 * breach events, escalation, auto-close, list filters and the compliance report.
 */
function slaSuite(mode: string, envFor: () => Promise<RunMode>) {
  describe(`SLAs (${mode})`, () => {
    let gw: RunningGateway;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      const made = await envFor();
      cleanup = made.cleanup;
      gw = await startGateway(testGatewayEnv(made.env));
    }, 120_000);
    afterAll(async () => {
      await gw?.stop();
      await cleanup?.();
    }, 120_000);

    it("applies the default targets and recomputes them when the priority changes", async () => {
      const { agent, customer } = await slaWorkspace(gw);
      const t = await customer.tickets.create.mutate({
        subject: "Printer on fire",
        description: "It is on fire",
        priority: "medium",
      });
      const created = ms(t.createdAt);
      const before = await agent.sla.ticket.query({ ticketId: t.id });
      expect(before.state).toBe("ok");
      expect(before.policyId).toBeNull();
      expect(ms(before.firstResponse.dueAt)).toBe(created + 8 * hour);
      expect(ms(before.resolution.dueAt)).toBe(created + 72 * hour);
      expect(ms(before.dueAt)).toBe(created + 8 * hour);

      await agent.tickets.setPriority.mutate({ ticketId: t.id, priority: "urgent" });
      const after = await agent.sla.ticket.query({ ticketId: t.id });
      expect(ms(after.firstResponse.dueAt)).toBe(created + hour);
      expect(ms(after.resolution.dueAt)).toBe(created + 4 * hour);
    });

    it("counts business hours past a day off and a holiday, from the most specific policy", async () => {
      const { admin, agent, customer, home } = await slaWorkspace(gw);
      // A calendar that works round the clock except on today's weekday, with tomorrow a holiday:
      // a ticket opened now starts counting the day after tomorrow at 00:00 UTC.
      const today = new Date();
      const calendar = await admin.sla.calendars.create.mutate({
        name: "Round the clock, not today",
        timeZone: "UTC",
        hours: [0, 1, 2, 3, 4, 5, 6]
          .filter((d) => d !== today.getUTCDay())
          .map((d) => ({ day: d, start: "00:00", end: "24:00" })),
        holidays: [{ date: utcDate(today.getTime() + day), name: "Test holiday" }],
      });
      await admin.sla.policies.create.mutate({
        name: "High, any category",
        priority: "high",
        firstResponseMinutes: 600,
        resolutionMinutes: 6000,
      });
      const specific = await admin.sla.policies.create.mutate({
        name: "High billing for Org A",
        priority: "high",
        category: "billing",
        orgId: home.ws.orgA,
        firstResponseMinutes: 90,
        resolutionMinutes: 240,
        calendarId: calendar.id,
      });
      const t = await customer.tickets.create.mutate({
        subject: "Invoice wrong",
        description: "Charged twice",
        priority: "high",
        category: "billing",
      });
      const sla = await agent.sla.ticket.query({ ticketId: t.id });
      expect(sla.policyId).toBe(specific.id);
      const opens = Date.parse(`${utcDate(ms(t.createdAt) + 2 * day)}T00:00:00Z`);
      expect(ms(sla.firstResponse.dueAt)).toBe(opens + 90 * minute);
      expect(ms(sla.resolution.dueAt)).toBe(opens + 240 * minute);

      // A calendar a policy counts on cannot be deleted.
      expect(await codeOf(admin.sla.calendars.delete.mutate({ calendarId: calendar.id }))).toBe(
        "CONFLICT",
      );
    });

    it("validates calendars and policies and keeps them per workspace", async () => {
      const { admin } = await slaWorkspace(gw);
      const other = await slaWorkspace(gw);
      const hours = [{ day: 1, start: "09:00", end: "17:00" }];
      expect(
        await codeOf(
          admin.sla.calendars.create.mutate({ name: "Mars", timeZone: "Mars/Olympus", hours }),
        ),
      ).toBe("BAD_REQUEST");
      expect(
        await codeOf(
          admin.sla.calendars.create.mutate({
            name: "Backwards",
            timeZone: "UTC",
            hours: [{ day: 1, start: "17:00", end: "09:00" }],
          }),
        ),
      ).toBe("BAD_REQUEST");
      const cal = await admin.sla.calendars.create.mutate({
        name: "Office",
        timeZone: "Europe/Berlin",
        hours,
      });
      const policy = {
        name: "Low",
        priority: "low" as const,
        firstResponseMinutes: 60,
        resolutionMinutes: 600,
      };
      expect(
        await codeOf(admin.sla.policies.create.mutate({ ...policy, firstResponseMinutes: 0 })),
      ).toBe("BAD_REQUEST");
      // Another workspace's calendar is unknown here.
      expect(
        await codeOf(other.admin.sla.policies.create.mutate({ ...policy, calendarId: cal.id })),
      ).toBe("BAD_REQUEST");
      const made = await admin.sla.policies.create.mutate({ ...policy, calendarId: cal.id });
      expect(await other.admin.sla.policies.list.query()).toEqual([]);
      expect(
        await codeOf(other.admin.sla.policies.update.mutate({ policyId: made.id, name: "Mine" })),
      ).toBe("NOT_FOUND");
      const renamed = await admin.sla.policies.update.mutate({ policyId: made.id, name: "Slow" });
      expect(renamed).toMatchObject({ name: "Slow", calendarId: cal.id, resolutionMinutes: 600 });
      expect(await admin.sla.policies.list.query()).toEqual([renamed]);
      await admin.sla.policies.delete.mutate({ policyId: made.id });
      await admin.sla.calendars.delete.mutate({ calendarId: cal.id });
      expect(await admin.sla.calendars.list.query()).toEqual([]);
    });

    it("pauses while waiting on the customer and resumes with the wait added", async () => {
      const { agent, customer } = await slaWorkspace(gw);
      const t = await customer.tickets.create.mutate({
        subject: "Cannot log in",
        description: "Password refused",
      });
      const running = await agent.sla.ticket.query({ ticketId: t.id });
      await agent.comments.add.mutate({ ticketId: t.id, body: "Which browser do you use?" });
      await agent.tickets.setStatus.mutate({ ticketId: t.id, status: "waiting_on_customer" });
      const paused = await agent.sla.ticket.query({ ticketId: t.id });
      expect(paused.state).toBe("paused");
      expect(paused.firstResponse.state).toBe("met");
      expect(paused.resolution.dueAt).toBeNull();
      expect(paused.resolution.pausedSince).not.toBeNull();

      await sleep(1500);
      // The customer's reply moves the ticket back to open, which resumes the clock.
      await customer.comments.add.mutate({ ticketId: t.id, body: "Firefox" });
      const resumed = await waitFor("the clock to resume", async () => {
        const s = await agent.sla.ticket.query({ ticketId: t.id });
        return s.state === "ok" ? s : undefined;
      });
      const slipped = ms(resumed.resolution.dueAt) - ms(running.resolution.dueAt);
      expect(slipped).toBeGreaterThanOrEqual(1500);
      expect(slipped).toBeLessThan(60_000);
      expect(resumed.resolution.pausedSince).toBeNull();
    });

    it("warns at 75%, breaches at 100% once each, and escalates the priority", async () => {
      const { admin, agent, customer } = await slaWorkspace(gw);
      await admin.sla.policies.create.mutate({
        name: "Tight high",
        priority: "high",
        firstResponseMinutes: seconds(6),
        resolutionMinutes: 600,
        escalateRaisePriority: true,
      });
      const t = await customer.tickets.create.mutate({
        subject: "Site down",
        description: "Everything is down",
        priority: "high",
      });
      await waitFor(
        "the warning",
        async () => countOf(await eventsOf(gw.db, t.id), "sla.warning", "first_response") === 1,
      );
      expect((await agent.sla.ticket.query({ ticketId: t.id })).state).toBe("warning");
      await waitFor(
        "the escalation",
        async () => countOf(await eventsOf(gw.db, t.id), "ticket.escalated") === 1,
        15_000,
      );
      expect((await agent.tickets.get.query({ ticketId: t.id })).priority).toBe("urgent");
      const sla = await agent.sla.ticket.query({ ticketId: t.id });
      expect(sla.state).toBe("breached");
      expect(sla.firstResponse.state).toBe("breached");
      // Escalated to urgent, the resolution target now comes from the urgent defaults.
      expect(ms(sla.resolution.dueAt)).toBe(ms(t.createdAt) + 4 * hour);

      await sleep(1500);
      const events = await eventsOf(gw.db, t.id);
      expect(countOf(events, "sla.warning")).toBe(1);
      expect(countOf(events, "sla.breached")).toBe(1);
      expect(countOf(events, "ticket.escalated")).toBe(1);
      const breached = events.find((e) => e.type === "sla.breached");
      expect(breached?.payload).toMatchObject({ metric: "first_response", priority: "high" });
      expect(events.find((e) => e.type === "ticket.escalated")?.payload).toMatchObject({
        priority: "urgent",
        previousPriority: "high",
      });

      // The late reply does not turn the breach into a success.
      await agent.comments.add.mutate({ ticketId: t.id, body: "Looking now" });
      const later = await agent.sla.ticket.query({ ticketId: t.id });
      expect(later.firstResponse.state).toBe("breached");
    });

    it("closes a resolved ticket after the workspace's auto-close delay", async () => {
      const { admin, agent, customer } = await slaWorkspace(gw);
      expect(await admin.sla.settings.get.query()).toEqual({ autoCloseDays: 3 });
      await admin.sla.settings.set.mutate({ autoCloseDays: seconds(3) / (24 * 60) });
      const t = await customer.tickets.create.mutate({
        subject: "Export question",
        description: "How do I export?",
      });
      await agent.comments.add.mutate({ ticketId: t.id, body: "Settings, then Export." });
      await agent.tickets.resolve.mutate({ ticketId: t.id });
      expect((await agent.sla.ticket.query({ ticketId: t.id })).state).toBe("met");
      await waitFor(
        "the auto-close",
        async () => (await agent.tickets.get.query({ ticketId: t.id })).status === "closed",
        15_000,
      );
      const closed = (await eventsOf(gw.db, t.id)).filter((e) => e.type === "ticket.closed");
      expect(closed).toHaveLength(1);
      expect(closed[0]?.payload).toMatchObject({ reason: "auto_close", actorId: null });
    });

    it("reports compliance and filters and sorts lists on SLA state and due date", async () => {
      const { admin, agent, customer } = await slaWorkspace(gw);
      await admin.sla.policies.create.mutate({
        name: "Tight low",
        priority: "low",
        firstResponseMinutes: seconds(2),
        resolutionMinutes: 600,
      });
      const late = await customer.tickets.create.mutate({
        subject: "Late one",
        description: "Nobody answers",
        priority: "low",
      });
      const onTime = await customer.tickets.create.mutate({
        subject: "Quick one",
        description: "Answered at once",
      });
      await agent.comments.add.mutate({ ticketId: onTime.id, body: "Done" });
      await agent.tickets.resolve.mutate({ ticketId: onTime.id });
      await waitFor(
        "the breach",
        async () => countOf(await eventsOf(gw.db, late.id), "sla.breached") === 1,
      );

      const breached = await agent.tickets.search.query({ filters: { slaState: ["breached"] } });
      expect(breached.tickets.map((t) => t.id)).toEqual([late.id]);
      const met = await agent.tickets.search.query({ filters: { slaState: ["met"] } });
      expect(met.tickets.map((t) => t.id)).toEqual([onTime.id]);
      const third = await customer.tickets.create.mutate({
        subject: "Due later",
        description: "Default medium targets",
      });
      const byDue = await agent.tickets.search.query({
        sort: { field: "sla_due_at", direction: "asc" },
      });
      // Overdue first, then the nearest due; the resolved ticket has nothing running: last.
      expect(byDue.tickets.map((t) => t.id)).toEqual([late.id, third.id, onTime.id]);

      const report = await admin.sla.compliance.query({
        from: new Date(Date.now() - hour).toISOString(),
        to: new Date(Date.now() + hour).toISOString(),
      });
      expect(report.firstResponse).toEqual({ met: 1, breached: 1 });
      expect(report.resolution).toEqual({ met: 1, breached: 0 });
      expect(report.compliance).toBeCloseTo(2 / 3);
      expect(await codeOf(agent.sla.compliance.query({ from: report.from, to: report.to }))).toBe(
        "FORBIDDEN",
      );
    });
  });
}

slaSuite("embedded", embeddedMode);
describeWithInfra("SLAs on Postgres and Redis", (infra) => {
  slaSuite("postgres + bullmq", () => postgresMode(infra));
});
