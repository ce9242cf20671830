import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithInfra } from "@signpost/testkit";
import { createLocalEmbedder } from "../embedding/local-embedder.ts";
import { startKbHarness, type KbHarness } from "../kb-test-harness.ts";
import { indexQueueRepository } from "./index-queue-repository.ts";

// Postgres keeps microseconds; a request's time read back as a JavaScript Date lost them, so the
// indexer's "done" never matched its row: the source stayed queued and was indexed again each
// time its lease ran out, and the indexing backlog never reached zero.
describeWithInfra("index queue on Postgres", (infra) => {
  let h: KbHarness;
  beforeAll(async () => {
    h = await startKbHarness(createLocalEmbedder(), infra.databaseUrl);
  });
  afterAll(async () => h?.stop());

  it("empties once a source is indexed, though Postgres keeps microseconds a Date drops", async () => {
    const workspaceId = crypto.randomUUID();
    const articleId = crypto.randomUUID();
    await h.db.query(
      `insert into kb.articles (id, workspace_id, slug, title, body, status)
       values ($1, $2, 'printing', 'Printing', '## Printing\nCheck the queue.', 'published')`,
      [articleId, workspaceId],
    );
    // A timestamp with microseconds no millisecond value equals.
    await h.db.query(
      `insert into kb.index_queue (source_kind, source_id, workspace_id, requested_at)
       values ('article', $1, $2, '2026-01-01 10:00:00.123456+00')`,
      [articleId, workspaceId],
    );
    // The service's own indexer may take it first; either way, once drained nothing is pending.
    await h.kb.drainIndex();
    expect(await indexQueueRepository.pendingCount(h.db)).toBe(0);
    const { rows } = await h.db.query<{ n: number }>(
      `select count(*)::int as n from kb.chunks where source_id = $1`,
      [articleId],
    );
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it("keeps a source requested again while it was being indexed", async () => {
    const workspaceId = crypto.randomUUID();
    const articleId = crypto.randomUUID();
    await indexQueueRepository.request(h.db, "article", articleId, workspaceId);
    const [claimed] = await indexQueueRepository.claim(h.db, 10);
    await indexQueueRepository.request(h.db, "article", articleId, workspaceId);
    await indexQueueRepository.finish(h.db, claimed!);
    expect(await indexQueueRepository.pendingCount(h.db)).toBe(1);
  });
});
