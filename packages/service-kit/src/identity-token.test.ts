import { afterEach, describe, expect, it, vi } from "vitest";
import type { TIdentity } from "@signpost/contracts";
import { generateIdentityKeys, identitySigner, identityVerifier } from "./identity-token.ts";

const agent: TIdentity = {
  userId: "00000000-0000-4000-8000-000000000001",
  workspaceId: "00000000-0000-4000-8000-000000000002",
  roles: ["agent"],
  orgId: null,
  name: "Ada Agent",
};

describe("identity tokens", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("reuses a token for the same identity early in its life, and signs anew after", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const keys = await generateIdentityKeys();
    const sign = await identitySigner(keys.privateJwk, 120);
    const first = await sign(agent);
    expect(await sign(agent)).toBe(first);
    expect(await sign({ ...agent, roles: ["admin"] })).not.toBe(first);
    vi.advanceTimersByTime(31_000);
    const later = await sign(agent);
    expect(later).not.toBe(first);
    expect(await (await identityVerifier(keys.publicJwk))(later)).toEqual(agent);
  });

  it("remembers a verified token only until it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const keys = await generateIdentityKeys();
    const sign = await identitySigner(keys.privateJwk, 60);
    const verify = await identityVerifier(keys.publicJwk);
    const token = await sign(agent);
    expect(await verify(token)).toEqual(agent);
    expect(await verify(token)).toEqual(agent);
    vi.advanceTimersByTime(61_000);
    expect(await verify(token)).toBeNull();
  });

  it("refuses a tampered token and one signed with another key, cached or not", async () => {
    const keys = await generateIdentityKeys();
    const verify = await identityVerifier(keys.publicJwk);
    const token = await (await identitySigner(keys.privateJwk))(agent);
    expect(await verify(token)).toEqual(agent);
    const [header, , signature] = token.split(".");
    const forgedBody = Buffer.from(JSON.stringify({ ...agent, roles: ["admin"] })).toString(
      "base64url",
    );
    expect(await verify(`${header}.${forgedBody}.${signature}`)).toBeNull();
    const foreign = await (await identitySigner((await generateIdentityKeys()).privateJwk))(agent);
    expect(await verify(foreign)).toBeNull();
  });
});
