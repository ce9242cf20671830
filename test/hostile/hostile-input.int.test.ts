import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { describeWithInfra } from "@signpost/testkit";
import { actors, publicRoutes, routeMatrix, type Actor } from "../security/route-matrix.ts";
import { postgresMode, testGatewayEnv, type RunMode } from "../support/run-modes.ts";
import { xssPayloads } from "./corpus.ts";
import { hostileInput } from "./junk.ts";
import { procedureTypes } from "./procedure-types.ts";
import { callProcedure, twoTenants, type Session } from "./tenants.ts";

/**
 * Valid-looking inputs for the routes anyone may call, to derive hostile ones from (a public route
 * without one is still sent junk).
 */
const publicTemplates: Record<string, unknown> = {
  "identity:auth.signIn": {
    email: "agent@example.com",
    password: "wrong password",
    workspace: "demo",
  },
  "identity:auth.requestPasswordReset": { email: "nobody@example.com", workspace: "demo" },
  "identity:auth.resetPassword": { token: "x".repeat(43), password: "a new password" },
  "identity:auth.acceptInvitation": {
    token: "x".repeat(43),
    name: "Mallory",
    password: "a new password",
  },
  "kb:help.list": { category: "general" },
  "kb:help.get": { slug: "how-to-reset-a-password" },
  "kb:help.search": { q: "reset password", limit: 5 },
  "kb:help.feedback": { articleId: "00000000-0000-4000-8000-000000000000", helpful: true },
};
const types = procedureTypes();
const runs = Number(process.env.FC_RUNS ?? 10);
// Signing out ends the session the other calls use; it takes no input worth fuzzing anyway.
const skipped = new Set(["identity:auth.signOut"]);

/**
 * Every procedure of every service, as every role and as nobody, with arbitrary and malformed
 * input: never a 5xx, never a hang, never a byte of another tenant's data.
 */
describeWithInfra("hostile input on Postgres and Redis", (infra) => {
  let mode: RunMode;
  let gw: RunningGateway;
  let tenants: Awaited<ReturnType<typeof twoTenants>>;

  beforeAll(async () => {
    mode = await postgresMode(infra);
    gw = await startGateway(
      testGatewayEnv({
        ...mode.env,
        API_REQUESTS_PER_MINUTE_PER_PERSON: "0",
        API_REQUESTS_PER_MINUTE_PER_IP: "0",
      }),
    );
    tenants = await twoTenants(gw);
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
    await mode?.cleanup();
  });

  const routes = [
    ...routeMatrix.map((r) => ({
      key: `${r.service}:${r.path}`,
      service: r.service,
      path: r.path,
      type: r.type,
      template: (as: Actor) => r.input?.(tenants.fixture, as) ?? Promise.resolve(undefined),
    })),
    ...[...publicRoutes]
      .filter((key) => !skipped.has(key))
      .map((key) => {
        const [service = "", path = ""] = key.split(":");
        return {
          key,
          service,
          path,
          type: types.get(key) ?? "query",
          template: async () => publicTemplates[key],
        };
      }),
  ];

  describe("every procedure", () => {
    for (const route of routes) {
      it(`${route.key} answers malformed input without a 5xx, a hang or a leak`, async () => {
        const template = await route.template("admin");
        const callers: (Actor | null)[] = [...actors, null];
        const seen = new Map<number, number>();
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...callers),
            hostileInput(template, tenants.awayIds),
            async (as, input) => {
              // Bodies over the cap are refused before they are read (the test below); here
              // the input has to reach the procedure.
              fc.pre(Buffer.byteLength(JSON.stringify(input) ?? "") < 900_000);
              const who: Session | null = as ? tenants.fixture.home.sessions[as] : null;
              const r = await callProcedure(
                gw.url,
                who,
                route.service,
                route.path,
                route.type,
                input,
              );
              seen.set(r.status, (seen.get(r.status) ?? 0) + 1);
              expect(r.status, `${as ?? "nobody"}: ${r.text.slice(0, 500)}`).toBeLessThan(500);
              for (const marker of tenants.markers) {
                expect(r.text, `another tenant's data reached ${as ?? "nobody"}`).not.toContain(
                  marker,
                );
              }
              if (r.text.length) expect(r.contentType).toContain("application/json");
            },
          ),
          { numRuns: runs, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
        );
        // Informative: how the procedure answered junk (400s, 401/403/404s, the odd 200).
        console.log(`${route.key}: ${JSON.stringify(Object.fromEntries(seen))}`);
      }, 180_000);
    }
  });

  it("refuses request bodies over the cap with 413, to the services and to identity alike", async () => {
    const session = tenants.fixture.home.sessions.admin;
    const big = JSON.stringify({ subject: "big", description: "x".repeat(1024 * 1024 + 10) });
    for (const path of ["/api/ticket/trpc/tickets.create", "/api/identity/trpc/auth.signIn"]) {
      const res = await fetch(`${gw.url}${path}`, {
        method: "POST",
        headers: {
          cookie: session.cookie,
          "x-csrf-token": session.csrf,
          "content-type": "application/json",
        },
        body: big,
        signal: AbortSignal.timeout(20_000),
      });
      expect(res.status, path).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        "PAYLOAD_TOO_LARGE",
      );
    }
  });

  it("stores a stored-XSS corpus as data and serves it back as JSON, never as markup", async () => {
    const { home } = tenants.fixture;
    for (const payload of xssPayloads) {
      const created = await callProcedure(
        gw.url,
        home.sessions.customerA,
        "ticket",
        "tickets.create",
        "mutation",
        { subject: payload, description: payload },
      );
      expect(created.status, created.text).toBe(200);
      const id = (JSON.parse(created.text) as { result: { data: { id: string } } }).result.data.id;
      const got = await callProcedure(
        gw.url,
        home.sessions.agent,
        "ticket",
        "tickets.get",
        "query",
        { ticketId: id },
      );
      expect(got.contentType).toContain("application/json");
      expect(got.nosniff, "x-content-type-options: nosniff").toBe(true);
      const ticket = (JSON.parse(got.text) as { result: { data: Record<string, unknown> } }).result
        .data;
      expect(ticket.subject).toBe(payload);
      expect(ticket.description).toBe(payload);

      const article = await callProcedure(
        gw.url,
        home.sessions.editor,
        "kb",
        "articles.create",
        "mutation",
        { title: `Article ${payload}`, body: `# Heading\n\n${payload}` },
      );
      expect(article.status, article.text).toBe(200);
      const articleId = (JSON.parse(article.text) as { result: { data: { id: string } } }).result
        .data.id;
      const back = await callProcedure(
        gw.url,
        home.sessions.editor,
        "kb",
        "articles.get",
        "query",
        { articleId },
      );
      expect(back.contentType).toContain("application/json");
      const a = (JSON.parse(back.text) as { result: { data: Record<string, unknown> } }).result
        .data;
      expect(a.title).toBe(`Article ${payload}`);
      expect(a.body).toBe(`# Heading\n\n${payload}`);
    }
  }, 120_000);
});
