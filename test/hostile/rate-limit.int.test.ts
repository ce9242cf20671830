import { afterAll, beforeAll, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { describeWithInfra } from "@signpost/testkit";
import { signedInWorkspace } from "../support/clients.ts";
import { postgresMode, testGatewayEnv, type RunMode } from "../support/run-modes.ts";

/** The general request budget on /api, per person and per address, with small limits. */
describeWithInfra("request limits per person and per address", (infra) => {
  let mode: RunMode;
  let gw: RunningGateway;

  beforeAll(async () => {
    mode = await postgresMode(infra);
    gw = await startGateway(
      testGatewayEnv({
        ...mode.env,
        API_REQUESTS_PER_MINUTE_PER_PERSON: "5",
        API_REQUESTS_PER_MINUTE_PER_IP: "40",
      }),
    );
  });
  afterAll(async () => {
    await gw?.stop();
    await mode?.cleanup();
  });

  const list = (who: { cookie: string } | null, extra: Record<string, string> = {}) =>
    fetch(`${gw.url}/api/ticket/trpc/tickets.list`, {
      headers: { ...(who ? { cookie: who.cookie } : {}), ...extra },
    });

  it("refuses a person past their budget with 429 and Retry-After, without touching others", async () => {
    const { sessions } = await signedInWorkspace(gw);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await list(sessions.agent)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);

    const refused = await list(sessions.agent);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ error: { code: "TOO_MANY_REQUESTS" } });

    // Another person from the same address still has a budget of their own.
    expect((await list(sessions.customerA)).status).toBe(200);
  });

  it("refuses an address past its budget, signed in or not, whatever X-Forwarded-For claims", async () => {
    let calls = 0;
    let last: Response | undefined;
    while (calls < 60) {
      calls++;
      last = await list(null, { "x-forwarded-for": `203.0.113.${calls}` });
      if (last.status === 429) break;
      expect(last.status).toBe(401);
    }
    expect(last?.status, `no 429 after ${calls} anonymous calls`).toBe(429);
    expect(calls).toBeLessThanOrEqual(41);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
