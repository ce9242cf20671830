import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { describeWithInfra, uniqueSuffix } from "@signpost/testkit";
import { signedInWorkspace } from "../support/clients.ts";
import { embeddedMode, postgresMode, type RunMode, testGatewayEnv } from "../support/run-modes.ts";
import { actors, publicRoutes, rawCall, routeMatrix, type Fixture } from "./route-matrix.ts";
import { allProcedurePaths } from "./procedure-paths.ts";

/**
 * For every route of every service: 401 without credentials, 403 for each role that may not,
 * 404 for another workspace's (or, for customers, another organization's) resource, and success
 * for each role that may. On the embedded mode and on Postgres + Redis.
 */
function matrixSuite(mode: string, envFor: () => Promise<RunMode>) {
  describe(`authorization across every route (${mode})`, () => {
    let gw: RunningGateway;
    let cleanup: () => Promise<void>;
    let fx: Fixture;

    beforeAll(async () => {
      const made = await envFor();
      cleanup = made.cleanup;
      gw = await startGateway(testGatewayEnv(made.env));
      const [home, away] = [await signedInWorkspace(gw), await signedInWorkspace(gw)];
      fx = {
        home,
        away,
        baseUrl: gw.url,
        unique: uniqueSuffix,
        async openTicket() {
          const r = await rawCall(
            gw.url,
            home.sessions.customerA,
            "ticket",
            "tickets.create",
            "mutation",
            {
              subject: `Scoped ${uniqueSuffix()}`,
              description: "resource under test",
            },
          );
          return (r.body as { result: { data: { id: string } } }).result.data.id;
        },
        async writeArticle(status) {
          const r = await rawCall(
            gw.url,
            home.sessions.editor,
            "kb",
            "articles.create",
            "mutation",
            {
              title: `Matrix article ${uniqueSuffix()}`,
              body: "How to reset a password.",
              status,
            },
          );
          return (r.body as { result: { data: { id: string } } }).result.data.id;
        },
      };
    });
    afterAll(async () => {
      await gw?.stop();
      await cleanup?.();
    });

    it("covers every procedure of every router", () => {
      const covered = new Set([
        ...routeMatrix.map((r) => `${r.service}:${r.path}`),
        ...publicRoutes,
      ]);
      const missing = allProcedurePaths().filter((p) => !covered.has(p));
      expect(missing, "add these routes to test/security/route-matrix.ts").toEqual([]);
    });

    for (const route of routeMatrix) {
      describe(`${route.service}:${route.path}`, () => {
        const input = (actor: (typeof actors)[number]) =>
          route.input?.(fx, actor) ?? Promise.resolve(undefined);

        it("answers 401 without credentials", async () => {
          const r = await rawCall(
            fx.baseUrl,
            null,
            route.service,
            route.path,
            route.type,
            await input("admin"),
          );
          expect(r.status).toBe(401);
        });

        for (const actor of actors) {
          const allowed = route.allowed.includes(actor);
          it(`${allowed ? "lets" : "forbids (403)"} ${actor}`, async () => {
            const r = await rawCall(
              fx.baseUrl,
              fx.home.sessions[actor],
              route.service,
              route.path,
              route.type,
              await input(actor),
            );
            expect(r.status, JSON.stringify(r.body)).toBe(allowed ? 200 : 403);
          });
        }

        if (route.scope) {
          it("answers 404 to another workspace", async () => {
            const actor = route.allowed[route.allowed.length - 1] ?? "admin";
            const r = await rawCall(
              fx.baseUrl,
              fx.away.sessions[actor],
              route.service,
              route.path,
              route.type,
              await input(actor),
            );
            expect(r.status, JSON.stringify(r.body)).toBe(404);
          });
        }
        if (route.scope === "org") {
          it("answers 404 to a customer of another organization", async () => {
            const r = await rawCall(
              fx.baseUrl,
              fx.home.sessions.customerB,
              route.service,
              route.path,
              route.type,
              await input("customerA"),
            );
            expect(r.status, JSON.stringify(r.body)).toBe(404);
          });
        }
      });
    }
  });
}

matrixSuite("embedded", embeddedMode);

describeWithInfra("on real infrastructure", (infra) => {
  matrixSuite("Postgres and Redis", () => postgresMode(infra));
});
