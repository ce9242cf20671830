import { afterAll, beforeAll, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import type {
  TAttachment,
  TAuditEntry,
  TBulkInput,
  TComment,
  TCsatRating,
  TSavedView,
  TTicket,
  TTicketDetail,
  TTicketPage,
  TTicketSla,
} from "@signpost/contracts";
import { describeWithInfra, uniqueSuffix, waitFor } from "@signpost/testkit";
import { clientsFor, signedInWorkspace, type Credentials } from "../support/clients.ts";
import { postgresMode, testGatewayEnv, type RunMode } from "../support/run-modes.ts";

/**
 * An integration drives the whole ticket lifecycle over `/api/ticket/rest/v1` with an API token,
 * through the gateway, and gets the same results the web app gets over tRPC.
 */
describeWithInfra("the REST API through the gateway", (infra) => {
  let gw: RunningGateway;
  let mode: RunMode;
  let signed: Awaited<ReturnType<typeof signedInWorkspace>>;
  let agent: Credentials;
  let admin: Credentials;
  let customer: Credentials;

  beforeAll(async () => {
    mode = await postgresMode(infra);
    gw = await startGateway(testGatewayEnv(mode.env));
    signed = await signedInWorkspace(gw);
    const tokens = clientsFor(gw.url, signed.sessions.admin).identity.directory.apiTokens;
    const token = async (role: "agent" | "admin") => ({
      apiToken: (await tokens.create.mutate({ name: `Integration ${role}`, role })).secret,
    });
    [agent, admin] = [await token("agent"), await token("admin")];
    customer = signed.sessions.customerA;
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
    await mode?.cleanup();
  });

  const api = async <T>(who: Credentials, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (who && "apiToken" in who) headers.authorization = `Bearer ${who.apiToken}`;
    if (who && "cookie" in who)
      Object.assign(headers, { cookie: who.cookie, "x-csrf-token": who.csrf });
    const res = await fetch(`${gw.url}/api/ticket/rest/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const ok = async <T>(who: Credentials, method: string, path: string, body?: unknown) => {
    const r = await api<T>(who, method, path, body);
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const open = (subject: string) =>
    ok<TTicket>(customer, "POST", "/tickets", { subject, description: "Filed for the REST flow." });

  it("moves a ticket through its statuses, enforcing the transitions", async () => {
    const t = await open("Printer jams");
    expect(
      (await ok<TTicket>(agent, "POST", `/tickets/${t.id}/status`, { status: "in_progress" }))
        .status,
    ).toBe("in_progress");
    expect((await ok<TTicket>(agent, "POST", `/tickets/${t.id}/resolve`)).status).toBe("resolved");
    expect((await ok<TTicket>(agent, "POST", `/tickets/${t.id}/close`)).status).toBe("closed");
    const again = await api<{ error: { code: string; message: string } }>(
      agent,
      "POST",
      `/tickets/${t.id}/status`,
      { status: "open" },
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
    const unknown = await api<{ error: { message: string } }>(
      agent,
      "POST",
      `/tickets/${t.id}/status`,
      { status: "nope" },
    );
    expect(unknown.status).toBe(400);
    const statuses = await ok<{ key: string; kind: string }[]>(customer, "GET", "/statuses");
    expect(statuses.map((s) => s.key)).toEqual(
      expect.arrayContaining(["open", "resolved", "closed"]),
    );
  });

  it("assigns, edits priority, category, tags and custom fields, and audits each change", async () => {
    const t = await open("Invoice is wrong");
    await ok(agent, "POST", `/tickets/${t.id}/priority`, { priority: "urgent" });
    const edited = await ok<TTicket>(agent, "PATCH", `/tickets/${t.id}`, {
      category: "billing",
      tags: ["invoice"],
    });
    expect(edited).toMatchObject({ priority: "urgent", category: "billing", tags: ["invoice"] });
    // The agent reaches the ticket service through the gateway's directory events.
    const agentId = signed.ws.agent.userId;
    const assigned = await waitFor("the agent in the ticket directory", async () => {
      const r = await api<TTicket>(agent, "POST", `/tickets/${t.id}/assign`, {
        assigneeId: agentId,
      });
      return r.status === 200 && r.body;
    });
    expect(assigned.assigneeId).toBe(agentId);
    const field = `f_${uniqueSuffix()}`.slice(0, 40);
    await clientsFor(gw.url, signed.sessions.admin).ticket.fields.defineCustomField.mutate({
      key: field,
      label: "Order number",
      type: "text",
    });
    const withField = await ok<TTicket>(agent, "PATCH", `/tickets/${t.id}`, {
      customFields: { [field]: "A-1042" },
    });
    expect(withField.customFields).toEqual({ [field]: "A-1042" });
    const badField = await api(agent, "PATCH", `/tickets/${t.id}`, { customFields: { nope: "x" } });
    expect(badField.status).toBe(400);

    const audit = await ok<TAuditEntry[]>(agent, "GET", `/tickets/${t.id}/audit`);
    const fields = audit.flatMap((a) => a.changes.map((c) => c.field));
    expect(fields).toEqual(
      expect.arrayContaining(["priority", "category", "tags", "assigneeId", "customFields"]),
    );
    const last = audit[audit.length - 2]!.seq;
    const after = await ok<TAuditEntry[]>(agent, "GET", `/tickets/${t.id}/audit?afterSeq=${last}`);
    expect(after.map((a) => a.seq)).toEqual([audit[audit.length - 1]!.seq]);
    expect((await api(agent, "GET", `/tickets/${t.id}/audit?limit=many`)).status).toBe(400);

    const sla = await ok<TTicketSla>(agent, "GET", `/tickets/${t.id}/sla`);
    expect(sla).toMatchObject({ ticketId: t.id, resolution: { state: expect.any(String) } });
  });

  it("merges, splits and bulk-updates tickets", async () => {
    const [a, b] = [await open("Cannot log in"), await open("Login broken")];
    const target = await ok<TTicket>(agent, "POST", `/tickets/${a.id}/merge`, {
      targetTicketId: b.id,
    });
    expect(target.id).toBe(b.id);
    const source = await ok<TTicketDetail>(agent, "GET", `/tickets/${a.id}`);
    expect(source.status).toBe("closed");
    expect(source.links).toEqual([
      expect.objectContaining({ kind: "merged_into", ticketId: b.id }),
    ]);

    const reply = await ok<TComment>(customer, "POST", `/tickets/${b.id}/comments`, {
      body: "Also: exports fail",
    });
    const split = await api<TTicket>(agent, "POST", `/comments/${reply.id}/split`, {
      subject: "Exports fail",
    });
    expect(split.status).toBe(201);
    expect(split.body.subject).toBe("Exports fail");

    const bulk: TBulkInput = {
      action: "priority",
      ticketIds: [b.id, split.body.id],
      priority: "high",
    };
    const result = await ok<{ results: { ok: boolean }[] }>(agent, "POST", "/tickets/bulk", bulk);
    expect(result.results.map((r) => r.ok)).toEqual([true, true]);
    expect(
      (await api(agent, "POST", "/tickets/bulk", { action: "explode", ticketIds: [b.id] })).status,
    ).toBe(400);
  });

  it("searches with filters, saved views and cursor pages", async () => {
    const tag = `t${uniqueSuffix()}`.slice(0, 30);
    const made = [await open("Search one"), await open("Search two"), await open("Search three")];
    for (const t of made) await ok(agent, "PATCH", `/tickets/${t.id}`, { tags: [tag] });
    const first = await ok<TTicketPage>(
      agent,
      "GET",
      `/tickets?tag=${tag}&sort=number:asc&limit=2`,
    );
    expect(first.tickets.map((t) => t.id)).toEqual([made[0]!.id, made[1]!.id]);
    const second = await ok<TTicketPage>(
      agent,
      "GET",
      `/tickets?tag=${tag}&sort=number:asc&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(second.tickets.map((t) => t.id)).toEqual([made[2]!.id]);
    expect(second.nextCursor).toBeNull();

    const view = await api<TSavedView>(agent, "POST", "/views", {
      name: "Tagged",
      filters: { tag: [tag] },
      sort: { field: "number", direction: "desc" },
    });
    expect(view.status).toBe(201);
    expect((await ok<TSavedView[]>(agent, "GET", "/views")).map((v) => v.id)).toContain(
      view.body.id,
    );
    const viaView = await ok<TTicketPage>(agent, "GET", `/tickets?view=${view.body.id}`);
    expect(viaView.tickets.map((t) => t.id)).toEqual(made.map((t) => t.id).reverse());
    // Views are personal: another token cannot use or delete this one.
    expect((await api(admin, "DELETE", `/views/${view.body.id}`)).status).toBe(404);
    expect(await ok(agent, "DELETE", `/views/${view.body.id}`)).toEqual({ deleted: true });
    expect((await api(agent, "GET", "/tickets?sla=late")).status).toBe(400);
  });

  it("lists and applies macros, and takes one CSAT rating per resolution", async () => {
    const t = await open("Reset my password");
    const macro = await clientsFor(gw.url, signed.sessions.agent).ticket.macros.create.mutate({
      name: `Reset ${uniqueSuffix()}`,
      body: "Ticket {{ticket.number}}: use the reset link.",
      actions: { status: "waiting_on_customer", addTags: ["password"] },
    });
    expect((await ok<{ id: string }[]>(agent, "GET", "/macros")).map((m) => m.id)).toContain(
      macro.id,
    );
    const applied = await api<TComment>(agent, "POST", `/macros/${macro.id}/apply`, {
      ticketId: t.id,
    });
    expect(applied.status).toBe(201);
    expect(applied.body.body).toBe(`Ticket ${t.number}: use the reset link.`);
    expect(await ok<TTicket>(agent, "GET", `/tickets/${t.id}`)).toMatchObject({
      status: "waiting_on_customer",
      tags: ["password"],
    });

    expect((await api(customer, "POST", `/tickets/${t.id}/csat`, { rating: 5 })).status).toBe(409);
    await ok(agent, "POST", `/tickets/${t.id}/resolve`);
    expect((await api(customer, "POST", `/tickets/${t.id}/csat`, { rating: 9 })).status).toBe(400);
    const rated = await api<TCsatRating>(customer, "POST", `/tickets/${t.id}/csat`, {
      rating: 4,
      comment: "Quick",
    });
    expect(rated.status).toBe(201);
    expect((await api(customer, "POST", `/tickets/${t.id}/csat`, { rating: 5 })).status).toBe(409);
    expect(await ok<TCsatRating[]>(agent, "GET", `/tickets/${t.id}/csat`)).toEqual([
      expect.objectContaining({ rating: 4, comment: "Quick" }),
    ]);
    expect(Array.isArray(await ok(admin, "GET", "/sla/policies"))).toBe(true);
  });

  it("lists attachment metadata only as far as the caller may download", async () => {
    const t = await open("Screenshot attached");
    const upload = async (who: Credentials, name: string) => {
      const headers: Record<string, string> = { "content-type": "text/plain" };
      if (who && "apiToken" in who) headers.authorization = `Bearer ${who.apiToken}`;
      if (who && "cookie" in who)
        Object.assign(headers, { cookie: who.cookie, "x-csrf-token": who.csrf });
      const res = await fetch(
        `${gw.url}/api/ticket/attachments?ticketId=${t.id}&filename=${name}`,
        {
          method: "POST",
          headers,
          body: `contents of ${name}`,
        },
      );
      expect(res.status).toBe(201);
      return (await res.json()) as TAttachment;
    };
    const pub = await upload(customer, "public.txt");
    await ok(customer, "POST", `/tickets/${t.id}/comments`, {
      body: "See file",
      attachmentIds: [pub.id],
    });
    const note = await upload(agent, "internal.txt");
    await ok(agent, "POST", `/tickets/${t.id}/comments`, {
      body: "Log",
      visibility: "internal",
      attachmentIds: [note.id],
    });
    const pending = await upload(agent, "pending.txt");

    const seenByCustomer = await ok<TAttachment[]>(customer, "GET", `/tickets/${t.id}/attachments`);
    expect(seenByCustomer).toEqual([pub]);
    const seenByAgent = await ok<TAttachment[]>(agent, "GET", `/tickets/${t.id}/attachments`);
    expect(seenByAgent.map((a) => a.filename)).toEqual([
      "public.txt",
      "internal.txt",
      "pending.txt",
    ]);
    const seenByAdmin = await ok<TAttachment[]>(admin, "GET", `/tickets/${t.id}/attachments`);
    expect(seenByAdmin.map((a) => a.id)).toEqual([pub.id, note.id]);
    expect(seenByAdmin.map((a) => a.id)).not.toContain(pending.id);
    const thread = await ok<TComment[]>(customer, "GET", `/tickets/${t.id}/comments`);
    expect(JSON.stringify(thread)).not.toContain(note.id);
  });
});
