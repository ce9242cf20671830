import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { IdentityRouter } from "@signpost/gateway/identity-router";
import type { KbRouter } from "@signpost/kb";
import type { NotificationRouter } from "@signpost/notification";
import type { TicketRouter } from "@signpost/ticket";

// The CSRF token of the signed-in session (from auth.me), echoed on every write.
let csrfToken = "";
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

// The workspace a signed-out reader of the public help center is in (from `?workspace=`); the
// gateway uses it only when nobody is signed in.
let workspaceHint = "";
export const setWorkspaceHint = (slug: string) => {
  workspaceHint = slug;
};
export const getWorkspaceHint = () => workspaceHint;

/** The headers a write outside tRPC (streams, uploads) needs: the session's CSRF token. */
export const writeHeaders = (): Record<string, string> =>
  csrfToken ? { "x-csrf-token": csrfToken } : {};

// One typed client per service: the gateway routes /api/<service>/trpc to it. Only router types
// come from the services; no server code reaches the browser.
const linkTo = (service: string) => ({
  url: `/api/${service}/trpc`,
  headers: () => ({
    ...(csrfToken ? { "x-csrf-token": csrfToken } : {}),
    ...(workspaceHint ? { "x-workspace": workspaceHint } : {}),
  }),
  fetch: (url: URL | RequestInfo, init?: RequestInit) =>
    fetch(url, { ...init, credentials: "include" }),
});

export const api = {
  identity: createTRPCClient<IdentityRouter>({ links: [httpBatchLink(linkTo("identity"))] }),
  ticket: createTRPCClient<TicketRouter>({ links: [httpBatchLink(linkTo("ticket"))] }),
  kb: createTRPCClient<KbRouter>({ links: [httpBatchLink(linkTo("kb"))] }),
  notification: createTRPCClient<NotificationRouter>({
    links: [httpBatchLink(linkTo("notification"))],
  }),
};
