import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { KbRouter } from "@signpost/kb";
import type { NotificationRouter } from "@signpost/notification";
import type { TicketRouter } from "@signpost/ticket";

// One typed client per service: the gateway routes /api/<service>/trpc to it. Only router types
// come from the services; no server code reaches the browser.
const linkTo = (service: string) => ({
  url: `/api/${service}/trpc`,
  fetch: (url: URL | RequestInfo, init?: RequestInit) =>
    fetch(url, { ...init, credentials: "include" }),
});

export const api = {
  ticket: createTRPCClient<TicketRouter>({ links: [httpBatchLink(linkTo("ticket"))] }),
  kb: createTRPCClient<KbRouter>({ links: [httpBatchLink(linkTo("kb"))] }),
  notification: createTRPCClient<NotificationRouter>({
    links: [httpBatchLink(linkTo("notification"))],
  }),
};
