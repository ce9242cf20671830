import type { AnyTRPCRouter } from "@trpc/server";
import { identityRouter } from "@signpost/gateway";
import { kbRouter } from "@signpost/kb";
import { notificationRouter } from "@signpost/notification";
import { ticketRouter } from "@signpost/ticket";

// Building a router only declares its procedures; these stand-ins are never called.
const inert = {} as never;

/** Whether each `service:path` is a query or a mutation, read from the routers themselves. */
export function procedureTypes(): Map<string, "query" | "mutation"> {
  const routers: Record<string, AnyTRPCRouter> = {
    identity: identityRouter({ publicUrl: "http://localhost" } as never),
    ticket: ticketRouter(inert),
    kb: kbRouter(inert),
    notification: notificationRouter(inert),
  };
  const types = new Map<string, "query" | "mutation">();
  for (const [service, router] of Object.entries(routers)) {
    const procedures = router._def.procedures as Record<string, { _def: { type: string } }>;
    for (const [path, p] of Object.entries(procedures)) {
      if (p._def.type === "query" || p._def.type === "mutation") {
        types.set(`${service}:${path}`, p._def.type);
      }
    }
  }
  return types;
}
