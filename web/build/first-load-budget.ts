import { gzipSync } from "node:zlib";
import type { Plugin, Rollup } from "vite";

/**
 * Reports the JavaScript a browser downloads before an area first renders (the entry chunk, the
 * area's lazy chunk and everything they import statically), gzipped, and fails the build when it
 * exceeds the budget. Lazy chunks the area loads later do not count.
 *
 * @example
 * plugins: [firstLoadBudget({ area: "src/portal/portal-area.tsx", label: "portal", maxKb: 250 })]
 */
export function firstLoadBudget(opts: { area: string; label: string; maxKb: number }): Plugin {
  return {
    name: "signpost:first-load-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (o): o is Rollup.OutputChunk => o.type === "chunk",
      );
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const entry = chunks.find((c) => c.isEntry);
      const area = chunks.find((c) => c.facadeModuleId?.endsWith(opts.area));
      if (!entry || !area) {
        this.error(`first-load budget: no entry chunk or no chunk for ${opts.area}`);
      }
      const loaded = new Set<string>();
      const visit = (c: Rollup.OutputChunk) => {
        if (loaded.has(c.fileName)) return;
        loaded.add(c.fileName);
        for (const dep of c.imports) {
          const next = byName.get(dep);
          if (next) visit(next);
        }
      };
      visit(entry);
      visit(area);
      const gzipped = [...loaded].reduce(
        (sum, file) => sum + gzipSync(byName.get(file)?.code ?? "").length,
        0,
      );
      const kb = gzipped / 1024;
      const line = `${opts.label} first-load JavaScript: ${kb.toFixed(1)} KB gzip (${loaded.size} chunks, budget ${opts.maxKb} KB)`;
      console.log(`\n${line}`);
      if (kb > opts.maxKb) this.error(`over budget: ${line}`);
    },
  };
}
