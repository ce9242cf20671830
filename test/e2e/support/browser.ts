import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { chromiumPath, screenshotDir } from "./env.ts";

/** The system's Chromium, headless; playwright-core never downloads a browser of its own. */
export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
  } catch (error) {
    throw new Error(
      `Could not start Chromium at ${chromiumPath} (install Debian's chromium package, or set CHROMIUM_PATH)`,
      { cause: error },
    );
  }
}

/** Saves a full-page screenshot of each page under test-results/e2e, named after the test. */
export async function screenshotAll(testName: string, pages: Page[]) {
  await mkdir(screenshotDir, { recursive: true });
  const base = testName.replace(/[^a-z0-9]+/gi, "-").slice(0, 80);
  await Promise.all(
    pages
      .filter((p) => !p.isClosed())
      .map((p, i) =>
        p
          .screenshot({ path: join(screenshotDir, `${base}-${i}.png`), fullPage: true })
          .catch(() => undefined),
      ),
  );
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  // A string so this file needs no DOM types: it runs in the page, where axe now is.
  return page.evaluate<AxeViolation[]>(`
    axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      .then((r) => r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      })))
  `);
}
