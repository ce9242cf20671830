/**
 * pnpm bench:suggest --corpus <corpus.jsonl> --queries <queries.jsonl> [--queries ...]
 *   [--chunks 50000] [--typists 20] [--seconds 60] [--cps 5] [--debounce 250]
 *
 * Latency of the suggestion endpoint on a generated KB of 50,000 chunks while 20 people type real
 * questions at 5 characters a second; the web app asks after each pause its debounce allows. Printed
 * beside the raw cost on the same machine (one query embedding plus the bare search SQL, unloaded) as
 * a ratio. The KB's text comes from the corpus files and its vectors are the local model's vectors of
 * that text, mixed and jittered, so building 50,000 chunks does not take an hour of embedding.
 * Embedded (PGlite) unless DATABASE_URL is set, then a fresh database on that server.
 */
import { parseArgs } from "node:util";
import { createEmbedder } from "@signpost/kb";
import {
  chunkRepository,
  corpusStatsCache,
  pieceHash,
  vectorMaker,
  searchRepository,
  splitTyped,
  type Audience,
  type ChunkToStore,
} from "@signpost/kb/bench";
import { testWorkspace } from "@signpost/testkit";
import { ms, percentile, progressBar, readJsonl, startBenchKb } from "./bench-support.ts";

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string", multiple: true },
    queries: { type: "string", multiple: true },
    chunks: { type: "string", default: "50000" },
    typists: { type: "string", default: "20" },
    seconds: { type: "string", default: "60" },
    cps: { type: "string", default: "5" },
    debounce: { type: "string", default: "250" },
  },
});
if (!args.corpus?.length || !args.queries?.length) {
  console.error(
    "usage: pnpm bench:suggest --corpus <corpus.jsonl> --queries <queries.jsonl> [...]",
  );
  process.exit(2);
}
const totalChunks = Number(args.chunks);
const typists = Number(args.typists);
const seconds = Number(args.seconds);
const debounceMs = Number(args.debounce);
const meanGapMs = 1000 / Number(args.cps);

// A seeded generator, so two runs build the same KB and type the same questions.
let seed = 42;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;

const docs = (
  await Promise.all(args.corpus.map((p) => readJsonl<{ title: string; body: string }>(p)))
).flat();
const questions = (await Promise.all(args.queries.map((p) => readJsonl<{ text: string }>(p))))
  .flat()
  .map((q) => q.text.replace(/\s+/g, " ").trim())
  .filter((t) => t.length >= 10);

const embedder = createEmbedder({});
const bench = await startBenchKb(embedder, process.env.DATABASE_URL);
const ws = testWorkspace();

// 1. The KB: sources of five chunks each, 80% public articles, 20% resolved tickets of an org.
const baseCount = Math.min(docs.length, 400);
const bases = docs.slice(0, baseCount);
const baseVectors: number[][] = [];
const embedBar = progressBar("embed base texts", baseCount);
for (let i = 0; i < baseCount; i += 32) {
  const batch = bases.slice(i, i + 32).map((d) => `${d.title}. ${d.body.slice(0, 600)}`);
  baseVectors.push(...(await embedder.embed(batch)));
  embedBar(baseVectors.length, "texts");
}
const wordsOf = bases.map((d) => `${d.title} ${d.body}`.split(/\s+/).filter(Boolean));
const normalize = (v: number[]) => {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
};
const perSource = 5;
const sources = Math.ceil(totalChunks / perSource);
const buildBar = progressBar("build KB (chunks)", sources * perSource);
const started = performance.now();
for (let s = 0; s < sources; s += 25) {
  await bench.db.transaction(async (tx) => {
    for (let k = s; k < Math.min(sources, s + 25); k++) {
      const a = k % baseCount;
      const b = Math.floor(random() * baseCount);
      const base = bases[a] as { title: string };
      const ticket = random() < 0.2;
      const chunks: ChunkToStore[] = Array.from({ length: perSource }, (_, ordinal) => {
        const words = [...(wordsOf[a] ?? []), ...(wordsOf[b] ?? []).slice(0, 40)];
        const start = Math.floor(random() * Math.max(1, words.length - 60));
        const content = words.slice(start, start + 40 + Math.floor(random() * 40)).join(" ");
        const mix = (baseVectors[a] ?? []).map(
          (x, i) => x + 0.4 * (baseVectors[b]?.[i] ?? 0) + 0.02 * (random() - 0.5),
        );
        const title = `${base.title} (${k})`;
        return {
          ordinal,
          title,
          headingPath: ordinal ? `Part ${ordinal}` : "",
          content,
          contentHash: pieceHash({ title, headingPath: "", content }, vectorMaker(embedder.model)),
          docLen: content.split(" ").length,
          embedding: normalize(mix),
          embeddingModel: vectorMaker(embedder.model),
        };
      });
      await chunkRepository.replace(
        tx,
        {
          kind: ticket ? "ticket" : "article",
          id: crypto.randomUUID(),
          workspaceId: ws.workspaceId,
          orgId: ticket ? (random() < 0.5 ? ws.orgA : ws.orgB) : null,
          visibility: ticket ? "org" : "public",
        },
        chunks,
      );
    }
  });
  buildBar(Math.min(sources, s + 25) * perSource, "chunks");
}
console.log(
  `built ${sources * perSource} chunks in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
// A settled KB, as autovacuum leaves it: statistics for the planner, and a visibility map so the
// postings are read from their index alone.
for (const table of ["kb.chunks", "kb.term_df", "kb.postings"])
  await bench.db.query(`vacuum analyze ${table}`).catch(() => undefined);

// 2. The raw cost, unloaded: one query embedding plus the bare search statements.
const audience: Audience = { workspaceId: ws.workspaceId, staff: false, orgId: ws.orgA };
const stats = await corpusStatsCache(bench.db).get(ws.workspaceId);
const raw: number[] = [];
const rawEmbed: number[] = [];
const rawSql: number[] = [];
const rawLexical: number[] = [];
const sample = Array.from({ length: 60 }, () => pick(questions));
for (const [i, q] of sample.entries()) {
  const t0 = performance.now();
  const [vector] = await embedder.embed([`${q} ${i}`]); // never a cache hit
  const t1 = performance.now();
  const { complete, partial } = splitTyped(q);
  await searchRepository.lexical(bench.db, audience, { complete, partial, stats }, 100);
  const tLexical = performance.now();
  await searchRepository.nearest(bench.db, audience, vector ?? [], 100);
  const t2 = performance.now();
  if (i >= 10) rawLexical.push(tLexical - t1);
  if (i >= 10) {
    // The first few warm caches and JIT.
    raw.push(t2 - t0);
    rawEmbed.push(t1 - t0);
    rawSql.push(t2 - t1);
  }
}

// 3. The load: typists with human rhythm (a little slower at word ends, now and then a hesitation).
const customer = bench.clientAs(ws.customerA);
const latencies: number[] = [];
let typed = 0;
const gapAfter = (ch: string) => {
  const hesitate = random() < 0.1;
  const base = ch === " " ? 1.4 : hesitate ? 2.2 : 0.8;
  return meanGapMs * base * (0.75 + 0.5 * random());
};
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const deadline = Date.now() + seconds * 1000;
const loadBar = progressBar("typing (s)", seconds);
const ticker = setInterval(
  () => loadBar(Math.min(seconds, Math.round((Date.now() - deadline) / 1000 + seconds))),
  1000,
);
const inFlight = new Set<Promise<void>>();
const send = (text: string) => {
  const t0 = performance.now();
  const p = customer.suggestions.suggest
    .query({ subject: text, limit: 5 })
    .then(() => void latencies.push(performance.now() - t0))
    .finally(() => inFlight.delete(p));
  inFlight.add(p);
};
async function typist(n: number) {
  await sleep(n * 97); // not all in step
  while (Date.now() < deadline) {
    const q = pick(questions);
    let debounce: ReturnType<typeof setTimeout> | undefined;
    for (let i = 1; i <= q.length && Date.now() < deadline; i++) {
      const text = q.slice(0, i);
      typed++;
      clearTimeout(debounce);
      debounce = setTimeout(() => send(text), debounceMs);
      await sleep(gapAfter(q[i - 1] ?? ""));
    }
    await sleep(debounceMs + 1500); // reads the suggestions, then asks the next question
  }
}
await Promise.all(Array.from({ length: typists }, (_, n) => typist(n)));
clearInterval(ticker);
loadBar(seconds);
await Promise.all(inFlight);

const result = {
  chunks: sources * perSource,
  mode: process.env.DATABASE_URL ? "postgres" : "embedded",
  typists,
  charsPerSecondEach: Math.round((typed / typists / seconds) * 10) / 10,
  requests: latencies.length,
  requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
  p50ms: Math.round(percentile(latencies, 50) * 10) / 10,
  p95ms: Math.round(percentile(latencies, 95) * 10) / 10,
  rawP50ms: Math.round(percentile(raw, 50) * 10) / 10,
  rawP95ms: Math.round(percentile(raw, 95) * 10) / 10,
  rawEmbedP50ms: Math.round(percentile(rawEmbed, 50) * 10) / 10,
  rawSqlP50ms: Math.round(percentile(rawSql, 50) * 10) / 10,
  rawLexicalP50ms: Math.round(percentile(rawLexical, 50) * 10) / 10,
  ratioP50: Math.round((percentile(latencies, 50) / percentile(raw, 50)) * 100) / 100,
  ratioP95: Math.round((percentile(latencies, 95) / percentile(raw, 95)) * 100) / 100,
};
console.log(
  `\nsuggest under load: p50 ${ms(result.p50ms)}, p95 ${ms(result.p95ms)} (${result.requests} requests, ${result.requestsPerSecond}/s)` +
    `\nraw cost (embedding + bare SQL): p50 ${ms(result.rawP50ms)}, p95 ${ms(result.rawP95ms)}` +
    ` (embedding p50 ${ms(result.rawEmbedP50ms)}, SQL p50 ${ms(result.rawSqlP50ms)}, of which lexical ${ms(result.rawLexicalP50ms)})` +
    `\nratio: p50 ${result.ratioP50}x, p95 ${result.ratioP95}x (target p95 < 80 ms and < 1.5x)`,
);
console.log(JSON.stringify(result));
await bench.stop();
