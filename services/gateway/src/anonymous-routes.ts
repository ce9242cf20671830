import type { Context } from "hono";
import { anonymousKbProcedures, visitorIdentity, type TIdentity } from "@signpost/contracts";
import type { GatewayEnv } from "./auth-middleware.ts";
import type { IdentityDeps } from "./identity/identity-deps.ts";
import { userRepository } from "./identity/user-repository.ts";

/** Service routes a signed-out visitor may call: the public help center, nothing else. */
const anonymousRoutes: Record<string, ReadonlySet<string>> = {
  kb: new Set(anonymousKbProcedures),
};

/**
 * The identity to vouch for when nobody is signed in: a visitor of the workspace named by the
 * `x-workspace` header or `?workspace=` (its slug), or the default one, and only when every
 * procedure of the (possibly batched) tRPC call is on the allow-list. Null means "no one".
 */
export async function visitorFor(
  c: Context<GatewayEnv>,
  service: string,
  identity: Pick<IdentityDeps, "db" | "defaultWorkspace">,
): Promise<TIdentity | null> {
  const allowed = anonymousRoutes[service];
  if (!allowed) return null;
  const prefix = `/api/${service}/trpc/`;
  const path = new URL(c.req.url).pathname;
  if (!path.startsWith(prefix)) return null;
  const procedures = decodeURIComponent(path.slice(prefix.length)).split(",");
  if (!procedures.every((p) => allowed.has(p))) return null;
  const slug =
    c.req.header("x-workspace")?.trim() ||
    c.req.query("workspace")?.trim() ||
    identity.defaultWorkspace;
  const workspace = await userRepository.workspaceBySlug(identity.db, slug);
  return workspace ? visitorIdentity(workspace.id) : null;
}
