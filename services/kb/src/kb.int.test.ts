import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTRPCClient, httpLink } from "@trpc/client";
import type { TIdentity } from "@signpost/contracts";
import { createPgDb, createPgliteDb, type Db } from "@signpost/db";
import { createEmbeddedTransport, type Transport } from "@signpost/queue";
import {
  createLogger,
  generateIdentityKeys,
  identitySigner,
  identityVerifier,
} from "@signpost/service-kit";
import {
  describeWithInfra,
  freshDatabase,
  startFakeChatServer,
  testWorkspace,
  waitFor,
} from "@signpost/testkit";
import type { Embedder } from "./embedding/embedder.ts";
import { createLocalEmbedder } from "./embedding/local-embedder.ts";
import { createLlmDrafter } from "./drafts/llm-drafter.ts";
import type { KbRouter } from "./router.ts";
import { createKbService, type KbService } from "./service.ts";
import { vectorMaker } from "./indexing/load-source.ts";
import { corpusStatsCache } from "./suggestions/corpus-stats.ts";
import { searchRepository } from "./suggestions/search-repository.ts";

/** The real local model, counting how many texts it was asked to embed. */
function countingEmbedder(inner: Embedder, model = inner.model) {
  const counter = { texts: 0 };
  const embedder: Embedder = {
    model,
    dimensions: inner.dimensions,
    embed: async (texts) => {
      counter.texts += texts.length;
      return inner.embed(texts);
    },
    close: async () => undefined,
  };
  return { embedder, counter };
}

function kbSuite(mode: string, makeDb: () => Promise<{ db: Db; done: () => Promise<void> }>) {
  describe(`the KB index (${mode})`, () => {
    const model = createLocalEmbedder();
    const { embedder, counter } = countingEmbedder(model);
    const ws = testWorkspace();
    let db: Db;
    let done: () => Promise<void>;
    let transport: Transport;
    let kb: KbService;
    let sign: (who: TIdentity) => Promise<string>;
    let verify: Awaited<ReturnType<typeof identityVerifier>>;
    const clientOf = (service: KbService, who: TIdentity) =>
      createTRPCClient<KbRouter>({
        links: [
          httpLink({
            url: "http://kb/trpc",
            fetch: async (url, init) =>
              service.app.fetch(new Request(url as string, init as RequestInit)),
            headers: async () => ({ authorization: `Bearer ${await sign(who)}` }),
          }),
        ],
      });
    const as = (who: TIdentity) => clientOf(kb, who);

    beforeAll(async () => {
      ({ db, done } = await makeDb());
      transport = await createEmbeddedTransport({ db });
      const keys = await generateIdentityKeys();
      sign = await identitySigner(keys.privateJwk);
      verify = await identityVerifier(keys.publicJwk);
      kb = createKbService(
        { db, transport, logger: createLogger("kb-test", "warn"), verifyIdentity: verify },
        { embedder },
      );
      await kb.migrate();
      kb.start();
    });
    afterAll(async () => {
      await kb?.stop();
      await transport?.close();
      await model.close();
      await done?.();
    });

    const idsFor = async (who: TIdentity, subject: string) =>
      (await as(who).suggestions.suggest.query({ subject })).suggestions.map((s) => s.id);
    const settle = async () => {
      while ((await kb.drainIndex()) > 0);
    };

    it("finds a published article while the question is still being typed, typos and all", async () => {
      const editor = as(ws.editor);
      const reset = await editor.articles.create.mutate({
        title: "Reset your password",
        summary: "Get back into your account.",
        body: "## From the sign-in page\nChoose **Forgot password?** and follow the emailed link.\n\n## No email\nCheck your spam folder.",
        status: "published",
      });
      await editor.articles.create.mutate({
        title: "Download invoices",
        body: "Invoices are under Settings, Billing, as PDF files.",
        status: "published",
      });
      await settle();
      expect((await idsFor(ws.customerA, "I forgot my passw"))[0]).toBe(reset.id);
      expect((await idsFor(ws.customerA, "how do I rest my pasword"))[0]).toBe(reset.id);
      const [top] = (
        await as(ws.customerA).suggestions.suggest.query({ subject: "forgot password" })
      ).suggestions;
      expect(top?.snippet.some((s) => s.hit)).toBe(true);
      expect(top?.url).toBe(`/help/articles/${reset.id}`);
    });

    it("weighs a word by how often the question repeats it", async () => {
      const editor = as(ws.editor);
      const printer = await editor.articles.create.mutate({
        title: "Printer setup",
        body: "Connect the printer to the office network.",
        status: "published",
      });
      const scanner = await editor.articles.create.mutate({
        title: "Scanner setup",
        body: "Connect the scanner to the office network.",
        status: "published",
      });
      await settle();
      const best = async (question: string) => {
        const hits = await searchRepository.lexical(
          db,
          { workspaceId: ws.workspaceId, staff: false, orgId: null },
          {
            complete: question,
            partial: "",
            stats: await corpusStatsCache(db).get(ws.workspaceId),
          },
          50,
        );
        const score = (id: string) =>
          Math.max(...hits.filter((h) => h.source_id === id).map((h) => h.score));
        return { printer: score(printer.id), scanner: score(scanner.id) };
      };
      // Once each: the two articles are alike. The printer said three times is what it is about.
      const even = await best("scanner or printer?");
      expect(even.printer).toBeCloseTo(even.scanner, 5);
      const repeated = await best(
        "The printer is offline. The printer shows an error; printer and scanner are new.",
      );
      expect(repeated.printer).toBeGreaterThan(2 * repeated.scanner);
    });

    it("re-indexes an edit, embedding only the chunks that changed", async () => {
      const editor = as(ws.editor);
      const body =
        "## Part one\nThe quick setup of widgets.\n\n## Part two\nThe slow teardown of gadgets.";
      const a = await editor.articles.create.mutate({
        title: "Widget guide",
        body,
        status: "published",
      });
      await settle();
      const before = counter.texts;
      await editor.articles.update.mutate({
        articleId: a.id,
        body: body.replace("gadgets", "sprockets"),
      });
      await settle();
      expect(counter.texts - before).toBe(1);
      const { suggestions } = await as(ws.agent).suggestions.suggest.query({
        subject: "sprockets teardown",
      });
      const found = suggestions.find((s) => s.id === a.id);
      const text = found?.snippet.map((s) => s.text).join("") ?? "";
      expect(text).toContain("sprockets");
      expect(text).not.toContain("gadgets");
    });

    it("keeps drafts and internal articles from customers, and removes unpublished ones", async () => {
      const editor = as(ws.editor);
      const internal = await editor.articles.create.mutate({
        title: "Escalation runbook for zeppelins",
        body: "Page the on-call engineer for zeppelin outages.",
        visibility: "internal",
        status: "published",
      });
      const draft = await editor.articles.create.mutate({
        title: "Zeppelin pricing draft",
        body: "Unreleased zeppelin prices.",
      });
      await settle();
      expect(await idsFor(ws.agent, "zeppelin outages")).toContain(internal.id);
      expect(await idsFor(ws.customerA, "zeppelin outages")).not.toContain(internal.id);
      expect(await idsFor(ws.agent, "zeppelin prices")).not.toContain(draft.id);

      await editor.articles.setStatus.mutate({ articleId: internal.id, status: "archived" });
      await settle();
      expect(await idsFor(ws.agent, "zeppelin outages")).not.toContain(internal.id);
    });

    it("never shows another workspace's articles", async () => {
      const other = testWorkspace();
      const theirs = await as(other.editor).articles.create.mutate({
        title: "Quantum flux capacitor care",
        body: "Keep the flux capacitor dry.",
        status: "published",
      });
      await settle();
      expect(await idsFor(ws.agent, "flux capacitor")).not.toContain(theirs.id);
      expect(await idsFor(ws.customerA, "flux capacitor")).not.toContain(theirs.id);
      expect((await idsFor(other.customerA, "flux capacitor"))[0]).toBe(theirs.id);
    });

    it("drafts a reply that quotes and cites the KB when no chat model is configured", async () => {
      const agent = as(ws.agent);
      const ticketId = crypto.randomUUID();
      const draft = await agent.drafts.draft.mutate({
        ticketId,
        subject: "I forgot my password",
        description: "The reset email never arrives, what should I check?",
      });
      expect(draft.generatedBy).toBe("extractive");
      expect(draft.grounded).toBe(true);
      expect(draft.sources[0]).toMatchObject({
        n: 1,
        kind: "article",
        title: "Reset your password",
      });
      expect(draft.text).toContain("[1]");
      expect(draft.text).toMatch(/spam folder|Forgot password/);
      expect(
        await agent.drafts.recordUse.mutate({
          draftId: draft.draftId,
          usedSourceIds: [draft.sources[0]!.id],
        }),
      ).toEqual({
        ok: true,
      });
      const { rows } = await db.query<{ used: string[] }>(
        `select used_source_ids as used from kb.drafts where id = $1`,
        [draft.draftId],
      );
      expect(rows[0]?.used).toEqual([draft.sources[0]!.id]);
      const none = await agent.drafts.draft.mutate({
        ticketId,
        subject: "Xylophone tuning schedule",
      });
      expect(none.grounded).toBe(false);
      expect(none.sources).toEqual([]);
    });

    it("drafts with an OpenAI-compatible chat model, from the sources only", async () => {
      const llm = await startFakeChatServer(["To reset it, choose ", "Forgot password? [1]"]);
      const withModel = createKbService(
        { db, transport, logger: createLogger("kb-test", "warn"), verifyIdentity: verify },
        {
          embedder,
          drafter: createLlmDrafter({ baseUrl: llm.url, apiKey: "test-key", model: "test-model" }),
        },
      );
      const draft = await clientOf(withModel, ws.agent).drafts.draft.mutate({
        ticketId: crypto.randomUUID(),
        subject: "I forgot my password",
      });
      await llm.close();
      expect(draft).toMatchObject({
        generatedBy: "llm",
        text: "To reset it, choose Forgot password? [1]",
      });
      const request = llm.requests[0]!;
      expect(request.model).toBe("test-model");
      expect(request.stream).toBe(true);
      const system = request.messages[0]!.content;
      expect(system).toContain("Use ONLY the numbered sources");
      expect(system).toContain("[1] Reset your password");
      expect(llm.authorization[0]).toBe("Bearer test-key");
    });

    it("re-embeds everything in the background when the model changes", async () => {
      await kb.stop();
      const renamed = countingEmbedder(model, "use-lite-512-v2");
      const keys = await generateIdentityKeys();
      const next = createKbService(
        {
          db,
          transport,
          logger: createLogger("kb-test", "warn"),
          verifyIdentity: await identityVerifier(keys.publicJwk),
        },
        { embedder: renamed.embedder },
      );
      next.start();
      await waitFor(
        "the re-embedding",
        async () => {
          const { rows } = await db.query<{ n: number }>(
            `select count(*)::int as n from kb.chunks where embedding_model is distinct from $1`,
            [vectorMaker("use-lite-512-v2")],
          );
          return rows[0]?.n === 0;
        },
        30_000,
      );
      expect(renamed.counter.texts).toBeGreaterThan(0);
      await next.stop();
      kb = next;
    });
  });
}

kbSuite("PGlite", async () => {
  const db = await createPgliteDb();
  return { db, done: () => db.close() };
});

describeWithInfra("on Postgres", (infra) => {
  kbSuite("Postgres", async () => {
    const fresh = await freshDatabase(infra.databaseUrl);
    const db = createPgDb({ url: fresh.url });
    return {
      db,
      done: async () => {
        await db.close();
        await fresh.drop();
      },
    };
  });
});
