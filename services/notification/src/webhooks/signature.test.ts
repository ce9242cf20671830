import { describe, expect, it } from "vitest";
import { checkEndpointUrl } from "./endpoint-url.ts";
import { signPayload, verifySignature } from "./signature.ts";

describe("webhook signatures", () => {
  const now = 1_800_000_000_000;
  const ts = now / 1000;

  it("verify with the secret, and not with another, another body or an old timestamp", () => {
    const sig = signPayload("s3cret", ts, '{"a":1}');
    expect(sig).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifySignature("s3cret", ts, '{"a":1}', sig, 300, now)).toBe(true);
    expect(verifySignature("other", ts, '{"a":1}', sig, 300, now)).toBe(false);
    expect(verifySignature("s3cret", ts, '{"a":2}', sig, 300, now)).toBe(false);
    expect(verifySignature("s3cret", ts, '{"a":1}', sig, 300, now + 3_600_000)).toBe(false);
    expect(verifySignature("s3cret", "nonsense", '{"a":1}', sig, 300, now)).toBe(false);
  });
});

describe("webhook URLs", () => {
  it("take https, and plain http only to this machine when allowed", () => {
    expect(checkEndpointUrl("https://hooks.example.com/x", false)).toBe(
      "https://hooks.example.com/x",
    );
    expect(() => checkEndpointUrl("http://hooks.example.com/x", true)).toThrow(/https/);
    expect(() => checkEndpointUrl("http://127.0.0.1:9/x", false)).toThrow(/https/);
    expect(checkEndpointUrl("http://127.0.0.1:9/x", true)).toBe("http://127.0.0.1:9/x");
    expect(() => checkEndpointUrl("https://user:pw@example.com", false)).toThrow(/credentials/);
    expect(() => checkEndpointUrl("not a url", false)).toThrow(/absolute/);
  });
});
