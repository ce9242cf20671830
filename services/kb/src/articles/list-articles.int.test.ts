import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithInfra, testWorkspace } from "@signpost/testkit";
import { createLocalEmbedder } from "../embedding/local-embedder.ts";
import { startKbHarness, type KbHarness } from "../kb-test-harness.ts";

const codeOf = async (call: Promise<unknown>) =>
  call.then(
    () => "OK",
    (e: { data?: { code?: string } }) => e.data?.code ?? "?",
  );

describeWithInfra("the article list filtered by status", (infra) => {
  const ws = testWorkspace();
  let h: KbHarness;
  beforeAll(async () => {
    h = await startKbHarness(createLocalEmbedder(), infra.databaseUrl);
  });
  afterAll(async () => h?.stop());

  it("lists drafts, published and archived articles apart, drafts and archive for editors only", async () => {
    const editor = h.as(ws.editor);
    const make = (title: string, status: "draft" | "published", visibility = "public" as const) =>
      editor.articles.create.mutate({ title, body: `${title} body`, status, visibility });
    const draft = await make("Draft about invoices", "draft");
    const live = await make("Published about invoices", "published");
    const internal = await make("Internal runbook", "published");
    await editor.articles.update.mutate({ articleId: internal.id, visibility: "internal" });
    const old = await make("Old pricing page", "published");
    await editor.articles.setStatus.mutate({ articleId: old.id, status: "archived" });

    const titles = async (status?: "draft" | "published" | "archived", who = ws.editor) =>
      (await h.as(who).articles.list.query(status ? { status } : undefined)).map((a) => a.title);
    expect(await titles()).toEqual(["Internal runbook", "Published about invoices"]);
    expect(await titles("published")).toEqual(await titles());
    expect(await titles("draft")).toEqual([draft.title]);
    expect(await titles("archived")).toEqual([old.title]);
    expect(await titles(undefined, ws.customerA)).toEqual([live.title]);
    expect(await titles("published", ws.agent)).toEqual([internal.title, live.title]);

    for (const who of [ws.customerA, ws.agent]) {
      expect(await codeOf(h.as(who).articles.list.query({ status: "draft" }))).toBe("FORBIDDEN");
      expect(await codeOf(h.as(who).articles.list.query({ status: "archived" }))).toBe("FORBIDDEN");
    }
    expect(await h.as(ws.admin).articles.list.query({ status: "draft" })).toHaveLength(1);
    expect(
      await codeOf(h.as(ws.editor).articles.list.query({ status: "deleted" as "draft" })),
    ).toBe("BAD_REQUEST");
    expect(await h.as(testWorkspace().editor).articles.list.query({ status: "draft" })).toEqual([]);
  });
});
