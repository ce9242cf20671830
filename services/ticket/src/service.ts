import { fileURLToPath } from "node:url";
import { createService, type Service, type ServiceRuntime } from "@signpost/service-kit";
import { ticketRouter } from "./router.ts";
import { schema } from "./schema.ts";

/** The ticket service, wired to whatever database and transport the deployment provides. */
export function createTicketService(rt: ServiceRuntime): Service {
  return createService(rt, {
    name: "ticket",
    schema,
    migrationsDir: fileURLToPath(new URL("../migrations", import.meta.url)),
    router: (kickRelay) => ticketRouter({ db: rt.db, kickRelay }),
  });
}
