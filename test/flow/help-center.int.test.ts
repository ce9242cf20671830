import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { describeWithInfra, waitFor } from "@signpost/testkit";
import { clientsFor, signedInWorkspace } from "../support/clients.ts";
import { embeddedMode, postgresMode, type RunMode, testGatewayEnv } from "../support/run-modes.ts";

/**
 * The signed-out help center: the gateway lets exactly its routes through without a session, as a
 * visitor of the workspace the reader names, who sees published public articles and nothing else.
 */
function helpCenterSuite(mode: string, envFor: () => Promise<RunMode>) {
  describe(`the public help center (${mode})`, () => {
    let gw: RunningGateway;
    let cleanup: () => Promise<void>;
    let home: Awaited<ReturnType<typeof signedInWorkspace>>;
    const ids: Record<string, string> = {};

    const visit = async (
      path: string,
      opts: { input?: unknown; workspace?: string; post?: boolean } = {},
    ) => {
      const url = new URL(`${gw.url}/api/kb/trpc/${path}`);
      const headers: Record<string, string> = opts.workspace
        ? { "x-workspace": opts.workspace }
        : {};
      if (!opts.post && opts.input !== undefined)
        url.searchParams.set("input", JSON.stringify(opts.input));
      const res = await fetch(url, {
        headers: opts.post ? { ...headers, "content-type": "application/json" } : headers,
        ...(opts.post ? { method: "POST", body: JSON.stringify(opts.input) } : {}),
      });
      const body = (await res.json()) as { result?: { data: unknown } };
      return { status: res.status, data: body.result?.data as never };
    };

    beforeAll(async () => {
      const made = await envFor();
      cleanup = made.cleanup;
      gw = await startGateway(testGatewayEnv(made.env));
      home = await signedInWorkspace(gw);
      const editor = clientsFor(gw.url, home.sessions.editor).kb;
      for (const [key, visibility, status] of [
        ["public", "public", "published"],
        ["internal", "internal", "published"],
        ["draft", "public", "draft"],
      ] as const) {
        const a = await editor.articles.create.mutate({
          title: `Renew the ${key} certificate`,
          body: `Open Security, choose Certificates and press Renew (${key}).`,
          visibility,
          status,
        });
        ids[key] = a.id;
        ids[`${key}Slug`] = a.slug;
      }
    });
    afterAll(async () => {
      await gw?.stop();
      await cleanup?.();
    });

    it("lists and reads published public articles for a signed-out visitor", async () => {
      const list = await visit("help.list", { workspace: home.slug });
      expect(list.status).toBe(200);
      expect((list.data as { id: string }[]).map((a) => a.id)).toEqual([ids.public]);
      const read = await visit("help.get", {
        workspace: home.slug,
        input: { slug: ids.publicSlug },
      });
      expect(read.status).toBe(200);
      expect((read.data as { body: string }).body).toContain("press Renew");
      for (const hidden of [ids.internalSlug, ids.draftSlug]) {
        expect(
          (await visit("help.get", { workspace: home.slug, input: { slug: hidden } })).status,
        ).toBe(404);
      }
    });

    it("searches the help center without a session, never finding staff-only articles", async () => {
      await waitFor("the articles to be indexed", async () => {
        const r = await visit("help.search", {
          workspace: home.slug,
          input: { q: "renew certificate" },
        });
        return r.status === 200 && (r.data as unknown[]).length > 0;
      });
      const r = await visit("help.search", {
        workspace: home.slug,
        input: { q: "renew certificate" },
      });
      expect((r.data as { article: { id: string } }[]).map((h) => h.article.id)).toEqual([
        ids.public,
      ]);
    });

    it("takes a visitor's did-this-help answer", async () => {
      const r = await visit("help.feedback", {
        workspace: home.slug,
        post: true,
        input: { articleId: ids.public, helpful: true, comment: "Thanks" },
      });
      expect(r.status).toBe(200);
      const stats = await clientsFor(gw.url, home.sessions.editor).kb.articles.stats.query({
        articleId: ids.public as string,
      });
      expect(stats).toMatchObject({
        helpful: 1,
        views: 1,
        recentComments: [{ comment: "Thanks" }],
      });
    });

    it("lets nothing else through without a session", async () => {
      expect((await visit("articles.list", { workspace: home.slug })).status).toBe(401);
      expect(
        (await visit("suggestions.suggest", { workspace: home.slug, input: { subject: "renew" } }))
          .status,
      ).toBe(401);
      // A batch is let through only when every procedure in it is on the allow-list.
      const batch = await fetch(
        `${gw.url}/api/kb/trpc/help.list,articles.list?batch=1&input=${encodeURIComponent("{}")}`,
        { headers: { "x-workspace": home.slug } },
      );
      const items = (await batch.json()) as { error?: { data?: { httpStatus?: number } } }[];
      expect(items.map((i) => i.error?.data?.httpStatus)).toEqual([401, 401]);
      expect((await visit("help.list", { workspace: "no-such-workspace" })).status).toBe(401);
      const ticket = await fetch(`${gw.url}/api/ticket/trpc/help.list`, {
        headers: { "x-workspace": home.slug },
      });
      expect(ticket.status).toBe(404);
    });
  });
}

helpCenterSuite("embedded", embeddedMode);

describeWithInfra("on real infrastructure", (infra) => {
  helpCenterSuite("Postgres and Redis", () => postgresMode(infra));
});
