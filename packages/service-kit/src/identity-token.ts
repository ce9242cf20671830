import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from "jose";
import { ZIdentity, type TIdentity } from "@signpost/contracts";

const alg = "EdDSA";
const issuer = "signpost-gateway";
const audience = "signpost-services";

export interface IdentityKeys {
  publicJwk: JWK;
  privateJwk: JWK;
}

/** A fresh Ed25519 key pair for signing identities (embedded mode makes one on first start). */
export async function generateIdentityKeys(): Promise<IdentityKeys> {
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    crv: "Ed25519",
    extractable: true,
  });
  return { publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey) };
}

/** Entries a signer or verifier remembers before it starts afresh (bounds memory). */
const cacheLimit = 10_000;

/**
 * Signs who is asking as a short-lived token. Only the gateway holds the private key.
 *
 * A token is reused for the same identity during the first quarter of its life (every request
 * through the gateway needs one, and an Ed25519 signature costs more than the rest of a small
 * request's routing), so a token always reaches a service with at least three quarters of its
 * time left.
 *
 * @example
 * const sign = await identitySigner(keys.privateJwk);
 * const token = await sign(identity); // "Authorization: Bearer <token>" towards a service
 */
export async function identitySigner(privateJwk: JWK, ttlSeconds = 120) {
  const key = await importJWK(privateJwk, alg);
  const reuseMs = (ttlSeconds * 1000) / 4;
  const recent = new Map<string, { token: string; until: number }>();
  return async (who: TIdentity) => {
    const id = JSON.stringify(who);
    const now = Date.now();
    const hit = recent.get(id);
    if (hit && hit.until > now) return hit.token;
    const token = await new SignJWT({ ...who })
      .setProtectedHeader({ alg })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(who.userId)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);
    if (recent.size >= cacheLimit) recent.clear();
    recent.set(id, { token, until: now + reuseMs });
    return token;
  };
}

export type IdentityVerifier = (token: string) => Promise<TIdentity | null>;

/**
 * Verifies a gateway-signed identity; any bad, expired or foreign token yields null. A token that
 * verified is remembered until it expires: the same bytes would verify again until then, and the
 * gateway reuses tokens (see `identitySigner`), so most requests skip the signature check.
 */
export async function identityVerifier(publicJwk: JWK): Promise<IdentityVerifier> {
  const key = await importJWK(publicJwk, alg);
  const verified = new Map<string, { who: TIdentity; expiresAt: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit) {
      if (hit.expiresAt > Date.now()) return hit.who;
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, key, { issuer, audience, algorithms: [alg] });
      const parsed = ZIdentity.safeParse(payload);
      if (!parsed.success || payload.exp === undefined) return null;
      if (verified.size >= cacheLimit) verified.clear();
      verified.set(token, { who: parsed.data, expiresAt: payload.exp * 1000 });
      return parsed.data;
    } catch {
      return null;
    }
  };
}
