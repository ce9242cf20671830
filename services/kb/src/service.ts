import { fileURLToPath } from "node:url";
import { createService, type Service, type ServiceRuntime } from "@signpost/service-kit";
import { onTicketResolved } from "./indexing/on-ticket-resolved.ts";
import { kbRouter } from "./router.ts";
import { schema } from "./schema.ts";

/** The knowledge-base service, wired to whatever database and transport the deployment provides. */
export function createKbService(rt: ServiceRuntime): Service {
  return createService(rt, {
    name: "kb",
    schema,
    migrationsDir: fileURLToPath(new URL("../migrations", import.meta.url)),
    router: () => kbRouter(rt.db),
    handlers: { "ticket.resolved": onTicketResolved },
  });
}
