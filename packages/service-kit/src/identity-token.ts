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

/**
 * Signs who is asking as a short-lived token. Only the gateway holds the private key.
 *
 * @example
 * const sign = await identitySigner(keys.privateJwk);
 * const token = await sign(identity); // "Authorization: Bearer <token>" towards a service
 */
export async function identitySigner(privateJwk: JWK, ttlSeconds = 120) {
  const key = await importJWK(privateJwk, alg);
  return (who: TIdentity) =>
    new SignJWT({ ...who })
      .setProtectedHeader({ alg })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(who.userId)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);
}

export type IdentityVerifier = (token: string) => Promise<TIdentity | null>;

/** Verifies a gateway-signed identity; any bad, expired or foreign token yields null. */
export async function identityVerifier(publicJwk: JWK): Promise<IdentityVerifier> {
  const key = await importJWK(publicJwk, alg);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key, { issuer, audience, algorithms: [alg] });
      const parsed = ZIdentity.safeParse(payload);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  };
}
