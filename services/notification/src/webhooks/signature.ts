import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signs a delivery: HMAC-SHA256 with the endpoint's secret over `${timestamp}.${body}`, sent as
 * `Signpost-Signature: v1=<hex>` beside `Signpost-Timestamp` (seconds). Receivers recompute it and
 * reject old timestamps, so a captured delivery cannot be replayed later.
 *
 * @example
 * const ok = verifySignature(secret, req.headers["signpost-timestamp"], rawBody, req.headers["signpost-signature"]);
 */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function verifySignature(
  secret: string,
  timestamp: string | number,
  body: string,
  signature: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(now / 1000 - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(signPayload(secret, ts, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
