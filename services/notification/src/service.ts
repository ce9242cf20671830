import { fileURLToPath } from "node:url";
import { createService, type Service, type ServiceRuntime } from "@signpost/service-kit";
import { onTicketCreated } from "./notifications/on-ticket-created.ts";
import { notificationRouter } from "./router.ts";
import { schema } from "./schema.ts";

/** The notification service, wired to whatever database and transport the deployment provides. */
export function createNotificationService(rt: ServiceRuntime): Service {
  return createService(rt, {
    name: "notification",
    schema,
    migrationsDir: fileURLToPath(new URL("../migrations", import.meta.url)),
    router: () => notificationRouter(rt.db),
    handlers: { "ticket.created": onTicketCreated },
  });
}
