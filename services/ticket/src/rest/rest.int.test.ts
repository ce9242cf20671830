import { expect, it } from "vitest";
import type { TComment, TIdentity, TTicket, TTicketPage } from "@signpost/contracts";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { ticketSuite } from "../testing/ticket-suite.ts";

describeWithInfra("the REST API on Postgres and Redis", (infra) => {
  const suite = ticketSuite(infra);
  const { ws } = suite;

  const rest = async (who: TIdentity | null, method: string, path: string, body?: unknown) => {
    const res = await suite.h.http(who, `/rest/v1${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
    return { status: res.status, body: await res.json() };
  };

  it("documents itself as OpenAPI from the same contracts", async () => {
    const { status, body } = await rest(null, "GET", "/openapi.json");
    expect(status).toBe(200);
    const doc = body as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain("/tickets/{ticketId}/comments");
    const create = doc.paths["/tickets"]?.post as {
      requestBody: { content: { "application/json": { schema: { properties: object } } } };
    };
    expect(Object.keys(create.requestBody.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["subject", "description", "priority", "category"]),
    );
  });

  it("opens, finds, changes and comments on tickets over plain HTTP", async () => {
    const created = await rest(ws.customerA, "POST", "/tickets", {
      subject: "API ticket",
      description: "Filed by an integration.",
      priority: "high",
    });
    expect(created.status).toBe(201);
    const ticket = created.body as TTicket;
    expect(ticket).toMatchObject({ priority: "high", orgId: ws.orgA });

    const page = await rest(
      ws.agent,
      "GET",
      "/tickets?priority=high&q=integration&sort=number:asc",
    );
    expect((page.body as TTicketPage).tickets.map((t) => t.id)).toEqual([ticket.id]);
    const moved = await rest(ws.agent, "POST", `/tickets/${ticket.id}/status`, {
      status: "in_progress",
    });
    expect(moved.body).toMatchObject({ status: "in_progress" });
    const patched = await rest(ws.agent, "PATCH", `/tickets/${ticket.id}`, { tags: ["api"] });
    expect(patched.body).toMatchObject({ tags: ["api"] });
    await rest(ws.agent, "POST", `/tickets/${ticket.id}/comments`, {
      body: "note",
      visibility: "internal",
    });
    await rest(ws.agent, "POST", `/tickets/${ticket.id}/comments`, { body: "We are on it." });
    const thread = await rest(ws.customerA, "GET", `/tickets/${ticket.id}/comments`);
    expect((thread.body as TComment[]).map((c) => c.body)).toEqual(["We are on it."]);
    expect((await rest(ws.customerA, "GET", `/tickets/${ticket.id}`)).body).toMatchObject({
      id: ticket.id,
      links: [],
    });
  });

  it("answers 401, 403, 404 and 400 in the one error shape", async () => {
    const { body } = await rest(ws.customerA, "POST", "/tickets", {
      subject: "Mine",
      description: "Org A only.",
    });
    const id = (body as TTicket).id;
    expect((await rest(null, "GET", "/tickets")).status).toBe(401);
    expect(
      (await rest(ws.customerA, "POST", `/tickets/${id}/priority`, { priority: "low" })).status,
    ).toBe(403);
    expect((await rest(ws.customerB, "GET", `/tickets/${id}`)).status).toBe(404);
    expect((await rest(testWorkspace().admin, "GET", `/tickets/${id}`)).status).toBe(404);
    const bad = await rest(ws.customerA, "POST", "/tickets", { subject: "x", description: "" });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string; message: string } }).error).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/subject: subject must be at least 3 characters/),
    });
    expect((await rest(ws.agent, "GET", "/tickets?sort=colour:up")).status).toBe(400);
    expect((await rest(ws.agent, "GET", `/tickets/not-a-uuid`)).status).toBe(400);
  });
});
