import { generateIdentityKeys } from "@signpost/service-kit";

// Prints a fresh identity key pair as environment lines (base64 JSON, safe in any .env file):
// the gateway gets the private key, every service the public one.
const keys = await generateIdentityKeys();
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64");
console.log(`IDENTITY_PRIVATE_KEY=${b64(keys.privateJwk)}`);
console.log(`IDENTITY_PUBLIC_KEY=${b64(keys.publicJwk)}`);
