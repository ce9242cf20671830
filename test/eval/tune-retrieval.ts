/**
 * pnpm tune:retrieval --corpus <corpus.jsonl> --queries <queries.jsonl> --grid '[{...}, ...]'
 *
 * Builds the KB once (as eval:retrieval does) and scores every setting of the retrieval knobs in
 * `--grid` (partial objects over the defaults) on whole questions and on their first half, so
 * settings are compared on the same index. Prints one JSON line per setting.
 */
import { parseArgs } from "node:util";
import { createEmbedder } from "@signpost/kb";
import { retrievalTuning } from "@signpost/kb/bench";
import { testWorkspace } from "@signpost/testkit";
import { readJsonl, startBenchKb } from "../bench/bench-support.ts";
import { meanScores, scoreQuery } from "./metrics.ts";

const { values: args } = parseArgs({
  options: {
    corpus: { type: "string" },
    queries: { type: "string" },
    grid: { type: "string", default: "[{}]" },
    prefixes: { type: "string", default: "1,0.5" },
  },
});
if (!args.corpus || !args.queries) {
  console.error("usage: pnpm tune:retrieval --corpus <c.jsonl> --queries <q.jsonl> --grid '[{}]'");
  process.exit(2);
}
const corpus = await readJsonl<{ id: string; title: string; body: string }>(args.corpus);
const queries = await readJsonl<{ id: string; text: string; relevant: string[] }>(args.queries);
const grid = JSON.parse(args.grid) as Partial<typeof retrievalTuning>[];
const defaults = { ...retrievalTuning };

const bench = await startBenchKb(createEmbedder({}), process.env.DATABASE_URL);
const ws = testWorkspace();
const editor = bench.clientAs(ws.editor);
const docOf = new Map<string, string>();
for (const doc of corpus) {
  const a = await editor.articles.create.mutate({
    title: doc.title.trim().padEnd(3, "."),
    body: doc.body.trim() || doc.title,
    status: "published",
  });
  docOf.set(a.id, doc.id);
}
while ((await bench.kb.drainIndex()) > 0);

const agent = bench.clientAs(ws.agent);
for (const setting of grid) {
  Object.assign(retrievalTuning, defaults, setting);
  const row: Record<string, unknown> = { ...setting };
  for (const prefix of args.prefixes.split(",").map(Number)) {
    const scores = [];
    for (const q of queries) {
      const typed = q.text.slice(0, Math.max(1, Math.floor(q.text.length * prefix)));
      const { suggestions } = await agent.suggestions.suggest.query({
        description: typed,
        limit: 10,
      });
      scores.push(
        scoreQuery(
          suggestions.map((s) => docOf.get(s.id) ?? ""),
          new Set(q.relevant),
        ),
      );
    }
    const m = meanScores(scores);
    row[`mrr@${prefix}`] = m.mrr10;
    row[`ndcg@${prefix}`] = m.ndcg10;
  }
  console.log(JSON.stringify(row));
}
await bench.stop();
