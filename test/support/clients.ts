import { createTRPCClient, httpLink } from "@trpc/client";
import type { TMe } from "@signpost/contracts";
import type { IdentityRouter, RunningGateway } from "@signpost/gateway";
import { provisionWorkspace } from "@signpost/gateway";
import type { KbRouter } from "@signpost/kb";
import type { NotificationRouter } from "@signpost/notification";
import type { TicketRouter } from "@signpost/ticket";
import { testWorkspace, uniqueSuffix } from "@signpost/testkit";

/** How a test client proves who it is: a signed-in session, an API token, or nothing. */
export type Credentials = { cookie: string; csrf: string; me: TMe } | { apiToken: string } | null;

export const testPassword = "correct horse battery";

const headersFor = (who: Credentials): Record<string, string> => {
  if (!who) return {};
  if ("apiToken" in who) return { authorization: `Bearer ${who.apiToken}` };
  return { cookie: who.cookie, "x-csrf-token": who.csrf };
};

/** Typed clients for the identity routes and each service, through the gateway at `baseUrl`. */
export function clientsFor(baseUrl: string, who: Credentials) {
  const link = (path: string) =>
    httpLink({ url: `${baseUrl}/api/${path}/trpc`, headers: () => headersFor(who) });
  return {
    identity: createTRPCClient<IdentityRouter>({ links: [link("identity")] }),
    ticket: createTRPCClient<TicketRouter>({ links: [link("ticket")] }),
    kb: createTRPCClient<KbRouter>({ links: [link("kb")] }),
    notification: createTRPCClient<NotificationRouter>({ links: [link("notification")] }),
  };
}

/** Signs in through the real endpoint and keeps the session cookie and CSRF token. */
export async function signIn(baseUrl: string, email: string, password: string, workspace?: string) {
  const res = await fetch(`${baseUrl}/api/identity/trpc/auth.signIn`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password, workspace }),
  });
  const body = (await res.json()) as { result?: { data: TMe }; error?: unknown };
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("sp_session="))
    ?.split(";")[0];
  if (!res.ok || !body.result || !cookie)
    throw new Error(`sign-in failed (${res.status}): ${JSON.stringify(body)}`);
  return { cookie, csrf: body.result.data.csrfToken, me: body.result.data };
}

/**
 * A fresh workspace (two organizations, one person per role) provisioned in the gateway's
 * database, with everyone signed in.
 */
export async function signedInWorkspace(gw: Pick<RunningGateway, "db" | "url">) {
  const ws = testWorkspace();
  const slug = `t-${uniqueSuffix()}`;
  const people = {
    customerA: ws.customerA,
    customerB: ws.customerB,
    agent: ws.agent,
    editor: ws.editor,
    admin: ws.admin,
  };
  const emailOf = (key: string) => `${key.toLowerCase()}@${slug}.example.com`;
  await provisionWorkspace(gw.db, {
    id: ws.workspaceId,
    slug,
    name: `Test ${slug}`,
    organizations: [
      { id: ws.orgA, name: "Org A" },
      { id: ws.orgB, name: "Org B" },
    ],
    people: Object.entries(people).map(([key, p]) => ({
      id: p.userId,
      email: emailOf(key),
      name: p.name,
      password: testPassword,
      roles: p.roles,
      ...(p.orgId ? { orgId: p.orgId } : {}),
    })),
  });
  const sessions = Object.fromEntries(
    await Promise.all(
      Object.keys(people).map(
        async (key) => [key, await signIn(gw.url, emailOf(key), testPassword, slug)] as const,
      ),
    ),
  ) as Record<keyof typeof people, Exclude<Credentials, null | { apiToken: string }>>;
  return { ws, slug, emailOf, sessions };
}

/** The tRPC error code a call failed with, or "OK". */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    const e = error as { data?: { code?: string } | null; meta?: { response?: Response } };
    return e.data?.code ?? `HTTP ${e.meta?.response?.status ?? "?"}`;
  }
}
