import { createTRPCClient, httpLink } from "@trpc/client";
import type { TIdentity } from "@signpost/contracts";
import type { KbRouter } from "@signpost/kb";
import type { NotificationRouter } from "@signpost/notification";
import type { TicketRouter } from "@signpost/ticket";

export type Sign = (who: TIdentity) => Promise<string>;

/** Typed clients for each service behind `baseUrl`, acting as `who` (or anonymous). */
export function clientsAs(baseUrl: string, sign: Sign, who: TIdentity | null) {
  const link = (path: string) =>
    httpLink({
      url: `${baseUrl}${path}`,
      headers: async () => (who ? { authorization: `Bearer ${await sign(who)}` } : {}),
    });
  return {
    ticket: createTRPCClient<TicketRouter>({ links: [link("/api/ticket/trpc")] }),
    kb: createTRPCClient<KbRouter>({ links: [link("/api/kb/trpc")] }),
    notification: createTRPCClient<NotificationRouter>({ links: [link("/api/notification/trpc")] }),
  };
}

/** The tRPC error code a call failed with, or "OK". */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    const data = (error as { data?: { code?: string } }).data;
    return data?.code ?? `THREW ${String(error)}`;
  }
}
