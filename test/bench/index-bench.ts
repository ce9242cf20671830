/**
 * pnpm bench:index --corpus <corpus.jsonl> [--corpus ...] [--articles 500]
 *
 * Indexing throughput through the real pipeline: articles are created through the API, then the
 * indexer chunks, embeds (the local model unless configured otherwise) and stores them. Prints
 * chunks per second, with a progress bar while it works. Embedded (PGlite) unless DATABASE_URL is
 * set, then a fresh database on that server.
 */
import { parseArgs } from "node:util";
import { createEmbedder } from "@signpost/kb";
import { testWorkspace } from "@signpost/testkit";
import { progressBar, readJsonl, startBenchKb } from "./bench-support.ts";

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string", multiple: true },
    articles: { type: "string", default: "500" },
  },
});
if (!args.corpus?.length) {
  console.error("usage: pnpm bench:index --corpus <corpus.jsonl> [--articles 500]");
  process.exit(2);
}
const docs = (
  await Promise.all(args.corpus.map((p) => readJsonl<{ title: string; body: string }>(p)))
).flat();
const count = Number(args.articles);

const embedder = createEmbedder({});
const bench = await startBenchKb(embedder, process.env.DATABASE_URL);
const ws = testWorkspace();
const editor = bench.clientAs(ws.editor);

const importBar = progressBar("import articles", count);
for (let i = 0; i < count; i++) {
  const doc = docs[i % docs.length] as { title: string; body: string };
  await editor.articles.create.mutate({
    title: `${doc.title.trim().slice(0, 180).padEnd(3, ".")} #${i}`,
    body: doc.body.trim() || doc.title,
    status: "published",
  });
  if (i % 10 === 9 || i === count - 1) importBar(i + 1, "articles");
}

const chunkCount = async () =>
  (await bench.db.query<{ n: number }>(`select count(*)::int as n from kb.chunks`)).rows[0]?.n ?? 0;
// Every article becomes a title piece plus its Markdown chunks; count them as they land.
const indexBar = progressBar("index (articles)", count);
const sourcesDone = async () =>
  (await bench.db.query<{ n: number }>(`select count(distinct source_id)::int as n from kb.chunks`))
    .rows[0]?.n ?? 0;
const started = performance.now();
const ticker = setInterval(() => {
  void sourcesDone().then((n) => indexBar(Math.min(n, count - 1), "articles"));
}, 500);
await bench.kb.drainIndex();
while ((await bench.kb.drainIndex()) > 0);
clearInterval(ticker);
const seconds = (performance.now() - started) / 1000;
indexBar(count, "articles");
const chunks = await chunkCount();
const result = {
  mode: process.env.DATABASE_URL ? "postgres" : "embedded",
  model: embedder.model,
  articles: count,
  chunks,
  seconds: Math.round(seconds * 10) / 10,
  chunksPerSecond: Math.round((chunks / seconds) * 10) / 10,
};
console.log(
  `\nindexed ${chunks} chunks of ${count} articles in ${result.seconds} s: ${result.chunksPerSecond} chunks/s`,
);
console.log(JSON.stringify(result));
await bench.stop();
