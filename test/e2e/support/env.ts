import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Debian's chromium (installed by .ci/run); CHROMIUM_PATH points elsewhere on other systems. */
export const chromiumPath =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ??
  "chromium";

/** Where screenshots of failed tests go (gitignored). */
export const screenshotDir = fileURLToPath(new URL("../../../test-results/e2e/", import.meta.url));
