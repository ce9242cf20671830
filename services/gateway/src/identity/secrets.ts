import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random secret for cookies, links and API tokens (URL-safe, 256 bits). */
export const newSecret = (prefix = "") => prefix + randomBytes(32).toString("base64url");

/** What is stored instead of a secret: its SHA-256 (secrets are random, so no salt is needed). */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
