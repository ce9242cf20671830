import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventQueueOf } from "@signpost/contracts";
import { buildEvent } from "@signpost/queue";
import { describeWithInfra, startFakeChatServer, testWorkspace, waitFor } from "@signpost/testkit";
import { createLlmDrafter } from "./drafts/llm-drafter.ts";
import { createLocalEmbedder } from "./embedding/local-embedder.ts";
import { startKbHarness, type KbHarness } from "./kb-test-harness.ts";

const codeOf = async (call: Promise<unknown>) =>
  call.then(
    () => "OK",
    (e: { data?: { code?: string } }) => e.data?.code ?? "?",
  );

function editorialSuite(mode: string, databaseUrl: () => string | undefined) {
  describe(`the KB for editors and readers (${mode})`, () => {
    const ws = testWorkspace();
    let h: KbHarness;
    let llm: Awaited<ReturnType<typeof startFakeChatServer>>;

    beforeAll(async () => {
      // The citation arrives split over two deltas, as models often send it.
      llm = await startFakeChatServer(["Choose ", "Forgot password? [", "1] and check spam."]);
      h = await startKbHarness(
        createLocalEmbedder(),
        databaseUrl(),
        createLlmDrafter({ baseUrl: llm.url, apiKey: "k", model: "m" }),
      );
    });
    afterAll(async () => {
      await h?.stop();
      await llm?.close();
    });

    it("serves published public articles only in the help center, with search", async () => {
      const editor = h.as(ws.editor);
      const pdf = await editor.articles.create.mutate({
        title: "Export invoices as PDF",
        body: "Open Billing, pick the invoice and choose **Download PDF**.",
        category: "billing",
        status: "published",
      });
      const internal = await editor.articles.create.mutate({
        title: "Invoice escalations",
        body: "Internal runbook for invoice disputes.",
        visibility: "internal",
        status: "published",
      });
      const draft = await editor.articles.create.mutate({ title: "Invoice draft", body: "WIP" });
      await h.settle();
      // Staff reading the help center see what the public sees.
      for (const who of [ws.customerA, ws.agent]) {
        const listed = (await h.as(who).help.list.query()).map((a) => a.id);
        expect(listed).toContain(pdf.id);
        expect(listed).not.toContain(internal.id);
        expect(listed).not.toContain(draft.id);
        expect(await codeOf(h.as(who).help.get.query({ slug: internal.slug }))).toBe("NOT_FOUND");
        expect(await codeOf(h.as(who).help.get.query({ slug: draft.slug }))).toBe("NOT_FOUND");
      }
      expect((await h.as(ws.customerA).help.get.query({ slug: pdf.slug })).body).toContain(
        "Download PDF",
      );
      const hits = await h.as(ws.agent).help.search.query({ q: "invoice pdf download" });
      expect(hits[0]?.article.id).toBe(pdf.id);
      expect(hits.map((x) => x.article.id)).not.toContain(internal.id);
      expect(hits[0]?.snippet.some((s) => s.hit)).toBe(true);
      expect(await h.as(ws.customerA).help.list.query({ category: "nothing-here" })).toEqual([]);
    });

    it("counts views, did-this-help answers, deflections and linked tickets per article", async () => {
      const editor = h.as(ws.editor);
      const article = await editor.articles.create.mutate({
        title: "Change your billing email",
        body: "Settings, Billing, Email.",
        status: "published",
      });
      const customer = h.as(ws.customerA);
      await customer.help.get.query({ slug: article.slug });
      await customer.help.get.query({ slug: article.slug });
      await customer.help.feedback.mutate({
        articleId: article.id,
        helpful: true,
        comment: "Clear",
      });
      await h.as(ws.customerB).help.feedback.mutate({ articleId: article.id, helpful: false });
      const queryId = crypto.randomUUID();
      const source = { kind: "article" as const, id: article.id };
      await customer.suggestions.track.mutate({ queryId, kind: "click", source });
      await customer.suggestions.track.mutate({ queryId, kind: "solved", source });
      const ticketId = crypto.randomUUID();
      await h.as(ws.agent).articles.linkTicket.mutate({ articleId: article.id, ticketId });
      await h.as(ws.agent).articles.linkTicket.mutate({ articleId: article.id, ticketId });

      const stats = await editor.articles.stats.query({ articleId: article.id });
      expect(stats).toMatchObject({
        views: 2,
        helpful: 1,
        notHelpful: 1,
        helpfulPercent: 50,
        deflections: 1,
        clicks: 1,
        linkedTickets: [{ ticketId }],
        recentComments: [{ helpful: true, comment: "Clear" }],
      });
      const { rows } = await h.db.query<{ envelope: { payload: Record<string, unknown> } }>(
        `select envelope from kb.outbox where type = 'kb.article.feedback' order by seq`,
      );
      expect(rows.map((r) => r.envelope.payload)).toEqual([
        expect.objectContaining({
          articleId: article.id,
          helpful: true,
          comment: "Clear",
          editorId: ws.editor.userId,
        }),
        expect.objectContaining({ helpful: false, comment: null }),
      ]);
      expect(await codeOf(customer.articles.stats.query({ articleId: article.id }))).toBe(
        "FORBIDDEN",
      );
      expect(
        await codeOf(customer.articles.linkTicket.mutate({ articleId: article.id, ticketId })),
      ).toBe("FORBIDDEN");
      const other = testWorkspace();
      expect(await codeOf(h.as(other.editor).articles.stats.query({ articleId: article.id }))).toBe(
        "NOT_FOUND",
      );
      const hidden = await editor.articles.create.mutate({ title: "Hidden", body: "Draft only" });
      expect(
        await codeOf(customer.help.feedback.mutate({ articleId: hidden.id, helpful: true })),
      ).toBe("NOT_FOUND");
    });

    it("keeps every save as a version, diffs two, and restores one as a new version", async () => {
      const editor = h.as(ws.editor);
      const a = await editor.articles.create.mutate({
        title: "Pair a device",
        body: "Open the app.\nTap Pair.\nDone.",
      });
      await editor.articles.update.mutate({
        articleId: a.id,
        body: "Open the app.\nTap Devices, then Pair.\nDone.",
      });
      await editor.articles.update.mutate({ articleId: a.id, title: "Pair a new device" });
      const versions = await editor.articles.versions.query({ articleId: a.id });
      expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
      expect(versions[0]?.editedBy).toBe(ws.editor.userId);

      const diff = await editor.articles.diff.query({ articleId: a.id, from: 1, to: 2 });
      expect(diff.fields).toEqual([
        {
          field: "body",
          lines: [
            { op: "same", text: "Open the app." },
            { op: "remove", text: "Tap Pair." },
            { op: "add", text: "Tap Devices, then Pair." },
            { op: "same", text: "Done." },
          ],
        },
      ]);
      const restored = await editor.articles.restore.mutate({ articleId: a.id, version: 1 });
      expect(restored).toMatchObject({ version: 4, title: "Pair a device", body: a.body });
      expect((await editor.articles.versions.query({ articleId: a.id })).length).toBe(4);
      expect(await codeOf(editor.articles.diff.query({ articleId: a.id, from: 1, to: 9 }))).toBe(
        "NOT_FOUND",
      );
      expect(
        await codeOf(h.as(ws.agent).articles.restore.mutate({ articleId: a.id, version: 1 })),
      ).toBe("FORBIDDEN");
    });

    it("turns a resolved ticket into a draft article from its public resolution", async () => {
      const ticketId = crypto.randomUUID();
      const event = buildEvent("ticket.resolved", {
        workspaceId: ws.workspaceId,
        orgId: ws.orgA,
        payload: {
          ticketId,
          number: 42,
          resolvedAt: new Date().toISOString(),
          subject: "Sync stops after the update",
          description: "Since version 3 my calendar no longer syncs.",
          category: "sync",
          resolution: "Sign out and back in once; the new version needs a fresh token.",
        },
      });
      await h.transport.enqueue(eventQueueOf("kb"), {
        id: event.id,
        name: event.type,
        data: event,
      });
      const editor = h.as(ws.editor);
      await waitFor("the resolution document", async () => {
        const { rows } = await h.db.query(`select 1 from kb.index_requests where ticket_id = $1`, [
          ticketId,
        ]);
        return rows.length === 1;
      });
      const article = await editor.articles.fromTicket.mutate({ ticketId });
      expect(article).toMatchObject({
        title: "Sync stops after the update",
        status: "draft",
        category: "sync",
        tags: ["ticket-42"],
      });
      expect(article.body).toContain("## Question\n\nSince version 3 my calendar no longer syncs.");
      expect(article.body).toContain("## Answer\n\nSign out and back in once");
      expect(
        await codeOf(editor.articles.fromTicket.mutate({ ticketId: crypto.randomUUID() })),
      ).toBe("NOT_FOUND");
      const other = testWorkspace();
      expect(await codeOf(h.as(other.editor).articles.fromTicket.mutate({ ticketId }))).toBe(
        "NOT_FOUND",
      );
    });

    it("streams a draft: its sources, the text with each citation as it appears, then the result", async () => {
      const reset = await h.as(ws.editor).articles.create.mutate({
        title: "Reset your password",
        body: "Choose Forgot password? on the sign-in page and follow the emailed link.",
        status: "published",
      });
      await h.settle();
      const post = async (who: typeof ws.agent | null, body: unknown) =>
        h.kb.app.fetch(
          new Request("http://kb/drafts/stream", {
            method: "POST",
            headers: {
              "content-type": "application/json",
              ...(who ? { authorization: `Bearer ${await h.tokenFor(who)}` } : {}),
            },
            body: JSON.stringify(body),
          }),
        );
      const input = { ticketId: crypto.randomUUID(), subject: "I forgot my password" };
      const res = await post(ws.agent, input);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const events = (await res.text())
        .split("\n\n")
        .filter((block) => block.includes("data:"))
        .map((block) => JSON.parse(block.slice(block.indexOf("data:") + 5)) as { type: string });
      expect(events.map((e) => e.type)).toEqual([
        "sources",
        "delta",
        "delta",
        "delta",
        "citation",
        "done",
      ]);
      expect(events[0]).toMatchObject({ sources: [{ n: 1, id: reset.id }] });
      expect(events[4]).toMatchObject({ source: { n: 1, title: "Reset your password" } });
      expect(events[5]).toMatchObject({ generatedBy: "llm", grounded: true });
      const { rows } = await h.db.query(`select 1 from kb.drafts where id = $1`, [
        (events[5] as unknown as { draftId: string }).draftId,
      ]);
      expect(rows).toHaveLength(1);
      expect((await post(ws.customerA, input)).status).toBe(403);
      expect((await post(null, input)).status).toBe(401);
      expect((await post(ws.agent, { subject: "no ticket id" })).status).toBe(400);
    });

    it("shows editors what customers typed that no suggestion answered, grouped", async () => {
      const a = h.as(ws.customerA);
      for (const typed of ["How do I tune my xyloph", "How do I tune my xylophone for concerts"])
        await a.suggestions.suggest.query({ subject: typed });
      await h.as(ws.customerB).suggestions.suggest.query({
        subject: "xylophone concerts tuning",
      });
      const answered = await a.suggestions.suggest.query({ subject: "export invoices as pdf" });
      await a.suggestions.track.mutate({
        queryId: answered.queryId,
        kind: "click",
        source: { kind: "article", id: answered.suggestions[0]!.id },
      });
      const gaps = await h.as(ws.editor).insights.gaps.query();
      const xylophone = gaps.find((g) => g.terms.includes("xylophon"));
      expect(xylophone).toMatchObject({ count: 2, terms: ["concert", "tune", "xylophon"] });
      expect(xylophone?.examples).toEqual(
        expect.arrayContaining([
          "How do I tune my xylophone for concerts",
          "xylophone concerts tuning",
        ]),
      );
      expect(gaps.some((g) => g.examples.some((e) => e.includes("xyloph ")))).toBe(false);
      expect(gaps.some((g) => g.terms.includes("pdf"))).toBe(false);
      expect(await codeOf(h.as(ws.agent).insights.gaps.query())).toBe("FORBIDDEN");
      expect(await h.as(testWorkspace().editor).insights.gaps.query()).toEqual([]);
    });
  });
}

editorialSuite("PGlite", () => undefined);

describeWithInfra("on Postgres", (infra) => {
  editorialSuite("Postgres", () => infra.databaseUrl);
});
