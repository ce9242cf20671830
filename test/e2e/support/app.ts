import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, inject } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { testEnv } from "@signpost/testkit";
import { clientsFor, signedInWorkspace } from "../../support/clients.ts";
import { embeddedMode, postgresMode, testGatewayEnv } from "../../support/run-modes.ts";
import { launchChromium, screenshotAll } from "./browser.ts";

type Workspace = Awaited<ReturnType<typeof signedInWorkspace>>;
export type Person = keyof Workspace["sessions"];

export interface E2eApp {
  gw: RunningGateway;
  ws: Workspace;
  browser: Browser;
  /** A fresh browser context signed in as `who` (their real session cookie), at `path`. */
  pageAs(who: Person, path?: string): Promise<Page>;
  /** A fresh browser context with no session. */
  anonymousPage(path?: string): Promise<Page>;
  /** Typed API clients acting as `who`, for setting up data the journey does not cover. */
  api(who: Person): ReturnType<typeof clientsFor>;
  /** Uncaught errors in any page of the current test. */
  pageErrors: string[];
}

/**
 * One real gateway (Postgres + Redis when configured, embedded otherwise) serving the production
 * web build, a fresh workspace with one person per role, and the system Chromium. Screenshots of
 * every open page are kept when a test fails; an uncaught error in a page fails the test.
 */
export function e2eApp(
  opts: {
    /** More gateway settings, read when the suite starts (e.g. a local chat server's URL). */
    env?: () => Record<string, string>;
  } = {},
): () => E2eApp {
  let app: E2eApp | undefined;
  let cleanup = async () => {};
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const { databaseUrl, redisUrl } = testEnv;
    const mode =
      databaseUrl && redisUrl
        ? await postgresMode({ databaseUrl, redisUrl })
        : await embeddedMode();
    const gw = await startGateway(
      testGatewayEnv({ ...mode.env, ...opts.env?.(), WEB_DIST: inject("webDist") }),
    );
    const browser = await launchChromium();
    cleanup = async () => {
      await browser.close();
      // A drain stuck on a long-lived connection (a live stream) must not fail the suite's
      // verdict after every test passed; it is reported instead.
      const stopped = await Promise.race([
        gw.stop().then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), 30_000)),
      ]);
      if (!stopped) console.warn("e2e: the gateway did not stop within 30 s");
      await mode.cleanup();
    };
    const ws = await signedInWorkspace(gw);
    const open = async (cookie: string | null, path: string) => {
      const context = await browser.newContext({ baseURL: gw.url });
      contexts.push(context);
      if (cookie) {
        const [name = "", value = ""] = cookie.split("=");
        await context.addCookies([{ name, value, url: gw.url }]);
      }
      const page = await context.newPage();
      page.on("pageerror", (e) => app?.pageErrors.push(`${page.url()}: ${e.message}`));
      await page.goto(path);
      return page;
    };
    app = {
      gw,
      ws,
      browser,
      pageAs: (who, path = "/") => open(ws.sessions[who].cookie, path),
      anonymousPage: (path = "/") => open(null, path),
      api: (who) => clientsFor(gw.url, ws.sessions[who]),
      pageErrors: [],
    };
  });

  beforeEach(({ onTestFinished }) => {
    if (app) app.pageErrors = [];
    // Runs after afterEach (which may fail the test), so the screenshots see the final verdict.
    onTestFinished(async ({ task }) => {
      if (task.result?.state === "fail") {
        await screenshotAll(
          task.name,
          contexts.flatMap((c) => c.pages()),
        );
      }
      await Promise.all(contexts.map((c) => c.close()));
      contexts = [];
    });
  });

  afterEach(() => {
    const errors = app?.pageErrors ?? [];
    if (errors.length) throw new Error(`uncaught errors in the page:\n${errors.join("\n")}`);
  });

  afterAll(async () => cleanup());

  return () => {
    if (!app) throw new Error("e2eApp used outside its suite");
    return app;
  };
}
