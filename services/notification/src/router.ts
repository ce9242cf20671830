import { presenceRouter } from "./presence/presence-router.ts";
import { router } from "@signpost/service-kit";
import type { NotificationDeps } from "./deps.ts";
import { inboxRouter } from "./inbox/inbox-router.ts";
import { mailRouter } from "./mail-out/mail-router.ts";
import { preferencesRouter } from "./preferences/preferences-router.ts";
import { webhooksRouter } from "./webhooks/webhooks-router.ts";

export const notificationRouter = (deps: NotificationDeps) =>
  router({
    notifications: inboxRouter(deps.db),
    preferences: preferencesRouter(deps.db),
    mail: mailRouter(deps.db, deps.kickPending),
    webhooks: webhooksRouter(deps),
    presence: presenceRouter(deps.presence),
  });

/** The only thing `web/` takes from this service: the router's type. */
export type NotificationRouter = ReturnType<typeof notificationRouter>;
