import { afterAll, beforeAll, describe } from "vitest";
import { describeWithInfra } from "@signpost/testkit";
import { startHarness, startHttpReplica, type Harness, type Mode } from "./harness.ts";

/** A harness and the app whose live streams a check reads. */
export type LiveContext = () => { h: Harness; streamApp: () => Harness["service"]["app"] };

/**
 * Runs `checks` of something the live stream carries twice: embedded (PGlite, in-process fan-out,
 * streams read from the harness's own app), and across two replicas on Postgres and Redis, where
 * the streams are read from a second replica that hears the news only through Redis.
 */
export function liveSuites(what: string, checks: (ctx: LiveContext) => void) {
  describe(`${what} (PGlite, in-process)`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ kind: "pglite" } satisfies Mode, {});
      await h.seedDirectory();
    });
    afterAll(async () => h?.stop());
    checks(() => ({ h, streamApp: () => h.service.app }));
  });

  describeWithInfra(`${what} across two replicas (Postgres, Redis)`, (infra) => {
    let h: Harness;
    let replica: Awaited<ReturnType<typeof startHttpReplica>>;
    beforeAll(async () => {
      h = await startHarness({ kind: "postgres", infra }, { redisUrl: infra.redisUrl });
      await h.seedDirectory();
      replica = await startHttpReplica(h, infra);
    });
    afterAll(async () => {
      await replica?.stop();
      await h?.stop();
    });
    checks(() => ({ h, streamApp: () => replica.app }));
  });
}
