import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { restEndpoints } from "@signpost/ticket";
import { describeWithInfra, uniqueSuffix } from "@signpost/testkit";
import { clientsFor, signedInWorkspace, type Credentials } from "../support/clients.ts";
import { postgresMode, type RunMode, testGatewayEnv } from "../support/run-modes.ts";
import {
  actors,
  rawCall,
  restRouteMatrix,
  type Actor,
  type RestFixture,
  type RestRequest,
  type RestRouteSpec,
} from "./route-matrix.ts";

type Workspace = Awaited<ReturnType<typeof signedInWorkspace>>;
type Callers = Record<Actor | "customerB", Credentials>;

/** Staff call with API tokens of their role (as integrations do); customers with their session. */
async function callersOf(gw: RunningGateway, ws: Workspace): Promise<Callers> {
  const admin = clientsFor(gw.url, ws.sessions.admin);
  const token = async (role: "agent" | "kb_editor" | "admin") =>
    ({
      apiToken: (
        await admin.identity.directory.apiTokens.create.mutate({
          name: `REST ${role} ${uniqueSuffix()}`,
          role,
        })
      ).secret,
    }) as const;
  return {
    customerA: ws.sessions.customerA,
    customerB: ws.sessions.customerB,
    agent: await token("agent"),
    editor: await token("kb_editor"),
    admin: await token("admin"),
  };
}

async function rest(
  baseUrl: string,
  who: Credentials,
  method: RestRouteSpec["method"],
  path: string,
  req: RestRequest = {},
): Promise<{ status: number; body: unknown }> {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => req.params?.[name] ?? "");
  const headers: Record<string, string> = {};
  if (who && "apiToken" in who) headers.authorization = `Bearer ${who.apiToken}`;
  if (who && "cookie" in who)
    Object.assign(headers, { cookie: who.cookie, "x-csrf-token": who.csrf });
  if (req.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(
    `${baseUrl}/api/ticket/rest/v1${filled}${req.query ? `?${req.query}` : ""}`,
    {
      method,
      headers,
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
    },
  );
  return { status: res.status, body: await res.json() };
}

/**
 * For every REST endpoint, through the gateway: 401 without (or with a bogus) token, 403 for each
 * role that may not, 404 for another workspace's (or organization's) resource, and success with
 * the declared status for each role that may.
 */
function restMatrixSuite(mode: string, envFor: () => Promise<RunMode>) {
  describe(`REST authorization across every endpoint (${mode})`, () => {
    let gw: RunningGateway;
    let cleanup: () => Promise<void>;
    let fx: RestFixture;
    let home: Callers;
    let away: Callers;

    beforeAll(async () => {
      const made = await envFor();
      cleanup = made.cleanup;
      gw = await startGateway(testGatewayEnv(made.env));
      const [homeWs, awayWs] = [await signedInWorkspace(gw), await signedInWorkspace(gw)];
      [home, away] = [await callersOf(gw, homeWs), await callersOf(gw, awayWs)];
      fx = {
        home: homeWs,
        away: awayWs,
        baseUrl: gw.url,
        unique: uniqueSuffix,
        async openTicket() {
          const r = await rawCall(
            gw.url,
            homeWs.sessions.customerA,
            "ticket",
            "tickets.create",
            "mutation",
            { subject: `Scoped ${uniqueSuffix()}`, description: "resource under test" },
          );
          return (r.body as { result: { data: { id: string } } }).result.data.id;
        },
        writeArticle: () => Promise.reject(new Error("no articles in the REST matrix")),
        rest: (actor, method, path, req) => rest(gw.url, home[actor], method, path, req),
      };
    }, 120_000);
    afterAll(async () => {
      await gw?.stop();
      await cleanup?.();
    });

    it("covers every REST endpoint the ticket service serves", () => {
      const covered = new Set(restRouteMatrix().map((r) => `${r.method} ${r.path}`));
      const missing = restEndpoints().filter((e) => !covered.has(e));
      expect(missing, "add these endpoints to restRouteMatrix in route-matrix.ts").toEqual([]);
      const stale = [...covered].filter((e) => !restEndpoints().includes(e));
      expect(stale, "these endpoints no longer exist").toEqual([]);
    });

    it("answers 401 to an unknown or revoked API token", async () => {
      const bogus = { apiToken: `sp_${"x".repeat(43)}` };
      expect((await rest(gw.url, bogus, "GET", "/tickets")).status).toBe(401);
      const admin = clientsFor(gw.url, fx.home.sessions.admin);
      const made = await admin.identity.directory.apiTokens.create.mutate({
        name: `Revoked ${uniqueSuffix()}`,
        role: "agent",
      });
      const token = { apiToken: made.secret };
      expect((await rest(gw.url, token, "GET", "/macros")).status).toBe(200);
      await admin.identity.directory.apiTokens.revoke.mutate({ tokenId: made.token.id });
      expect((await rest(gw.url, token, "GET", "/macros")).status).toBe(401);
    });

    it("serves its OpenAPI document, one operation per endpoint", async () => {
      const doc = (await rest(gw.url, null, "GET", "/openapi.json")).body as {
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
      expect(documented.sort()).toEqual([...restEndpoints()].sort());
    });

    for (const route of restRouteMatrix()) {
      describe(`${route.method} ${route.path}`, () => {
        const request = (actor: Actor) => route.request?.(fx, actor) ?? Promise.resolve({});

        it("answers 401 without credentials", async () => {
          const req = await request("admin");
          expect((await rest(gw.url, null, route.method, route.path, req)).status).toBe(401);
        });

        for (const actor of actors) {
          const allowed = route.allowed.includes(actor);
          it(`${allowed ? "lets" : "forbids (403)"} ${actor}`, async () => {
            const r = await rest(
              gw.url,
              home[actor],
              route.method,
              route.path,
              await request(actor),
            );
            if (allowed) expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
            else expect(r.status, JSON.stringify(r.body)).toBe(403);
          });
        }

        if (route.scope) {
          it("answers 404 to another workspace", async () => {
            const actor = route.allowed[route.allowed.length - 1] ?? "admin";
            const r = await rest(
              gw.url,
              away[actor],
              route.method,
              route.path,
              await request(actor),
            );
            expect(r.status, JSON.stringify(r.body)).toBe(404);
          });
        }
        if (route.scope === "org") {
          it("answers 404 to a customer of another organization", async () => {
            const req = await request("customerA");
            const r = await rest(gw.url, home.customerB, route.method, route.path, req);
            expect(r.status, JSON.stringify(r.body)).toBe(404);
          });
        }
      });
    }
  });
}

// The REST layer is the same code in every run mode; the tRPC matrix already covers the embedded
// mode's gateway, so this suite runs once, on Postgres and Redis, to spare the shared cores.
describeWithInfra("on real infrastructure", (infra) => {
  restMatrixSuite("Postgres and Redis", () => postgresMode(infra));
});
