import { router } from "@signpost/service-kit";
import { authRouter } from "./auth-router.ts";
import { directoryRouter } from "./directory-router.ts";
import type { IdentityDeps } from "./identity-deps.ts";

export const identityRouter = (deps: IdentityDeps) =>
  router({ auth: authRouter(deps), directory: directoryRouter(deps) });

/** What `web/` takes from the gateway: the identity router's type. */
export type IdentityRouter = ReturnType<typeof identityRouter>;
