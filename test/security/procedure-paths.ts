import type { AnyTRPCRouter } from "@trpc/server";
import { identityRouter } from "@signpost/gateway";
import { kbRouter } from "@signpost/kb";
import { notificationRouter } from "@signpost/notification";
import { ticketRouter } from "@signpost/ticket";

// Building a router only declares its procedures; these stand-ins are never called.
const inert = {} as never;
const inertIdentity = { publicUrl: "http://localhost" } as never;

/** `service:path` of every procedure the deployment serves, read from the routers themselves. */
export function allProcedurePaths(): string[] {
  const routers: Record<string, AnyTRPCRouter> = {
    identity: identityRouter(inertIdentity),
    ticket: ticketRouter(inert),
    kb: kbRouter(inert),
    notification: notificationRouter(inert),
  };
  return Object.entries(routers).flatMap(([service, router]) =>
    Object.keys(router._def.procedures as Record<string, unknown>).map((p) => `${service}:${p}`),
  );
}
