import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { describeWithInfra } from "@signpost/testkit";
import { clientsFor, signedInWorkspace } from "../support/clients.ts";
import { embeddedMode, postgresMode, type RunMode, testGatewayEnv } from "../support/run-modes.ts";

/** An agent's draft streamed as server-sent events through the gateway, with the same checks. */
function draftStreamSuite(mode: string, envFor: () => Promise<RunMode>) {
  describe(`streamed drafts through the gateway (${mode})`, () => {
    let gw: RunningGateway;
    let cleanup: () => Promise<void>;
    let home: Awaited<ReturnType<typeof signedInWorkspace>>;

    beforeAll(async () => {
      const made = await envFor();
      cleanup = made.cleanup;
      gw = await startGateway(testGatewayEnv(made.env));
      home = await signedInWorkspace(gw);
    });
    afterAll(async () => {
      await gw?.stop();
      await cleanup?.();
    });

    const post = (who: { cookie: string; csrf: string } | null) =>
      fetch(`${gw.url}/api/kb/drafts/stream`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(who ? { cookie: who.cookie, "x-csrf-token": who.csrf } : {}),
        },
        body: JSON.stringify({ ticketId: crypto.randomUUID(), subject: "Rotate the API key" }),
      });

    it("streams sources, text and the recorded draft to an agent", async () => {
      const editor = clientsFor(gw.url, home.sessions.editor).kb;
      await editor.articles.create.mutate({
        title: "Rotate an API key",
        body: "Open Settings, API keys, and press Rotate. The old key stops working at once.",
        status: "published",
      });
      let types: string[] = [];
      for (let tries = 0; tries < 50 && !types.includes("citation"); tries++) {
        const res = await post(home.sessions.agent);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toContain("text/event-stream");
        types = [...(await res.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1] ?? "");
        await new Promise((r) => setTimeout(r, 200)); // until the article is indexed
      }
      expect(types).toEqual(["sources", "delta", "citation", "done"]);
    });

    it("refuses customers and signed-out callers", async () => {
      expect((await post(home.sessions.customerA)).status).toBe(403);
      expect((await post(null)).status).toBe(401);
    });
  });
}

draftStreamSuite("embedded", embeddedMode);

describeWithInfra("on real infrastructure", (infra) => {
  draftStreamSuite("Postgres and Redis", () => postgresMode(infra));
});
