/**
 * pnpm eval:retrieval --corpus <corpus.jsonl> --queries <queries.jsonl> [--prefix 0.5]
 *
 * Builds a throwaway KB from the corpus through the real API and indexing pipeline, asks the real
 * suggestion endpoint each query (only its first `prefix` share of characters with --prefix), and
 * prints P@1, R@3, R@10, MRR@10, nDCG@10 and latency; the last line is those figures as JSON.
 * Embedded (PGlite) by default; a fresh database on DATABASE_URL's server when that is set.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createTRPCClient, httpLink } from "@trpc/client";
import { createPgDb, createPgliteDb, type Db } from "@signpost/db";
import { createEmbedder, createKbService, type KbRouter } from "@signpost/kb";
import { createEmbeddedTransport } from "@signpost/queue";
import {
  createLogger,
  generateIdentityKeys,
  identitySigner,
  identityVerifier,
} from "@signpost/service-kit";
import { freshDatabase, testWorkspace } from "@signpost/testkit";
import { meanScores, percentile, scoreQuery } from "./metrics.ts";

const { values: args } = parseArgs({
  options: { corpus: { type: "string" }, queries: { type: "string" }, prefix: { type: "string" } },
});
if (!args.corpus || !args.queries) {
  console.error(
    "usage: pnpm eval:retrieval --corpus <corpus.jsonl> --queries <queries.jsonl> [--prefix 0.5]",
  );
  process.exit(2);
}
const prefix = args.prefix ? Number(args.prefix) : 1;
if (!(prefix > 0 && prefix <= 1)) {
  console.error("--prefix must be a number in (0, 1]");
  process.exit(2);
}

const readJsonl = async <T>(path: string) =>
  (await readFile(path, "utf8"))
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
const corpus = await readJsonl<{ id: string; title: string; body: string }>(args.corpus);
const queries = await readJsonl<{ id: string; text: string; relevant: string[] }>(args.queries);

let db: Db;
let cleanup = async () => {};
if (process.env.DATABASE_URL) {
  const fresh = await freshDatabase(process.env.DATABASE_URL);
  db = createPgDb({ url: fresh.url });
  cleanup = fresh.drop;
} else {
  db = await createPgliteDb();
}
const transport = await createEmbeddedTransport({ db });
const keys = await generateIdentityKeys();
const sign = await identitySigner(keys.privateJwk);
const kb = createKbService(
  {
    db,
    transport,
    logger: createLogger("eval", "warn"),
    verifyIdentity: await identityVerifier(keys.publicJwk),
  },
  { embedder: createEmbedder({}) },
);
await kb.migrate();
const ws = testWorkspace();
const clientAs = (who: typeof ws.editor) =>
  createTRPCClient<KbRouter>({
    links: [
      httpLink({
        url: "http://kb/trpc",
        fetch: async (url, init) => kb.app.fetch(new Request(url as string, init as RequestInit)),
        headers: async () => ({ authorization: `Bearer ${await sign(who)}` }),
      }),
    ],
  });

const progress = (label: string, done: number, total: number) => {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`,
  );
  if (done === total) process.stderr.write("\n");
};

const editor = clientAs(ws.editor);
const docOf = new Map<string, string>();
const importStarted = Date.now();
for (const [i, doc] of corpus.entries()) {
  const article = await editor.articles.create.mutate({
    title: doc.title.trim().padEnd(3, "."),
    body: doc.body.trim() || doc.title,
    status: "published",
  });
  docOf.set(article.id, doc.id);
  if (i % 10 === 9 || i === corpus.length - 1) progress("import", i + 1, corpus.length);
}
const indexStarted = Date.now();
let indexed = 0;
for (let n = await kb.drainIndex(); n > 0; n = await kb.drainIndex()) {
  indexed += n;
  progress("index ", Math.min(indexed, corpus.length), corpus.length);
}
const indexSeconds = (Date.now() - indexStarted) / 1000;

const agent = clientAs(ws.agent);
const latencies: number[] = [];
const scores = [];
for (const [i, q] of queries.entries()) {
  const typed = q.text.slice(0, Math.max(1, Math.floor(q.text.length * prefix)));
  const started = performance.now();
  const { suggestions } = await agent.suggestions.suggest.query({ description: typed, limit: 10 });
  latencies.push(performance.now() - started);
  scores.push(
    scoreQuery(
      suggestions.map((s) => docOf.get(s.id) ?? ""),
      new Set(q.relevant),
    ),
  );
  if (i % 25 === 24 || i === queries.length - 1) progress("query ", i + 1, queries.length);
}

const result = {
  corpus: args.corpus.split("/").slice(-2).join("/"),
  docs: corpus.length,
  queries: queries.length,
  prefix,
  mode: process.env.DATABASE_URL ? "postgres" : "embedded",
  ...meanScores(scores),
  p50ms: Math.round(percentile(latencies, 50) * 10) / 10,
  p95ms: Math.round(percentile(latencies, 95) * 10) / 10,
  importSeconds: Math.round((indexStarted - importStarted) / 100) / 10,
  indexSeconds: Math.round(indexSeconds * 10) / 10,
};
console.log(
  `\nP@1 ${result.p1}  R@3 ${result.r3}  R@10 ${result.r10}  MRR@10 ${result.mrr10}  nDCG@10 ${result.ndcg10}` +
    `  latency p50 ${result.p50ms} ms, p95 ${result.p95ms} ms`,
);
console.log(JSON.stringify(result));
await kb.stop();
await transport.close();
await db.close();
await cleanup();
