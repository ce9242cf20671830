import { randomUUID } from "node:crypto";
import type { RunningGateway } from "@signpost/gateway";
import { uniqueSuffix } from "@signpost/testkit";
import { signedInWorkspace } from "../support/clients.ts";
import type { Fixture } from "../security/route-matrix.ts";

export type Session = Awaited<ReturnType<typeof signedInWorkspace>>["sessions"]["admin"];

/**
 * One procedure call over HTTP, bounded in time: a hang fails the call instead of the suite. A
 * socket the server closed just as it was reused (keep-alive on a loaded machine) is retried
 * once; a second failure is the answer.
 */
export async function callProcedure(
  ...args: Parameters<typeof callOnce>
): ReturnType<typeof callOnce> {
  try {
    return await callOnce(...args);
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code !== "ECONNRESET" && code !== "UND_ERR_SOCKET") throw error;
    return callOnce(...args);
  }
}

async function callOnce(
  baseUrl: string,
  who: Session | null,
  service: string,
  path: string,
  type: "query" | "mutation",
  input: unknown,
  timeoutMs = 20_000,
): Promise<{ status: number; text: string; contentType: string; nosniff: boolean }> {
  const url = new URL(`${baseUrl}/api/${service}/trpc/${path}`);
  const headers: Record<string, string> = who
    ? { cookie: who.cookie, "x-csrf-token": who.csrf }
    : {};
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  if (type === "query") {
    if (input !== undefined) url.searchParams.set("input", JSON.stringify(input));
    res = await fetch(url, { headers, signal });
  } else {
    res = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: input === undefined ? "" : JSON.stringify(input),
      signal,
    });
  }
  return {
    status: res.status,
    text: await res.text(),
    contentType: res.headers.get("content-type") ?? "",
    nosniff: res.headers.get("x-content-type-options") === "nosniff",
  };
}

async function data<T>(...args: Parameters<typeof callProcedure>): Promise<T> {
  const r = await callProcedure(...args);
  if (r.status !== 200) throw new Error(`setup ${args[3]} failed (${r.status}): ${r.text}`);
  return (JSON.parse(r.text) as { result: { data: T } }).result.data;
}

/**
 * Two tenants: `home`, which the hostile calls come from, and `away`, seeded with tickets and
 * articles whose text holds unique markers that must never appear in any answer to `home`.
 */
export async function twoTenants(gw: RunningGateway) {
  const [home, away] = [await signedInWorkspace(gw), await signedInWorkspace(gw)];
  const marker = (what: string) => `zqmark${what}${randomUUID().replaceAll("-", "")}`;
  const markers = {
    ticketSubject: marker("ts"),
    ticketBody: marker("tb"),
    articleTitle: marker("at"),
    articleBody: marker("ab"),
    internalTitle: marker("it"),
  };
  const awayTicket = await data<{ id: string }>(
    gw.url,
    away.sessions.customerA,
    "ticket",
    "tickets.create",
    "mutation",
    { subject: `Password reset ${markers.ticketSubject}`, description: markers.ticketBody },
  );
  await data(gw.url, away.sessions.agent, "ticket", "tickets.resolve", "mutation", {
    ticketId: awayTicket.id,
  });
  const awayArticle = await data<{ id: string }>(
    gw.url,
    away.sessions.editor,
    "kb",
    "articles.create",
    "mutation",
    {
      title: `How to reset a password ${markers.articleTitle}`,
      body: `Reset your password from the sign-in page. ${markers.articleBody}`,
      status: "published",
    },
  );
  const fixture: Fixture = {
    home,
    away,
    baseUrl: gw.url,
    unique: uniqueSuffix,
    async openTicket() {
      const t = await data<{ id: string }>(
        gw.url,
        home.sessions.customerA,
        "ticket",
        "tickets.create",
        "mutation",
        { subject: `Hostile ${uniqueSuffix()}`, description: "target" },
      );
      return t.id;
    },
    async writeArticle(status) {
      const a = await data<{ id: string }>(
        gw.url,
        home.sessions.editor,
        "kb",
        "articles.create",
        "mutation",
        { title: `Hostile article ${uniqueSuffix()}`, body: "How to reset a password.", status },
      );
      return a.id;
    },
  };
  return {
    fixture,
    markers: Object.values(markers),
    awayIds: [awayTicket.id, awayArticle.id, away.ws.workspaceId, away.ws.orgA],
  };
}
