import type { signedInWorkspace } from "../support/clients.ts";

type Workspace = Awaited<ReturnType<typeof signedInWorkspace>>;
export type Actor = "customerA" | "agent" | "editor" | "admin";
export const actors: Actor[] = ["customerA", "agent", "editor", "admin"];

export interface Fixture {
  home: Workspace;
  /** Another tenant: nothing of `home` may be visible from here. */
  away: Workspace;
  baseUrl: string;
  /** Opens a ticket in `home` as customer A and returns its id. */
  openTicket(): Promise<string>;
  /** Creates an article in `home` as the editor and returns its id. */
  writeArticle(status: "draft" | "published"): Promise<string>;
  unique(): string;
}

export interface RouteSpec {
  service: "identity" | "ticket" | "kb" | "notification";
  path: string;
  type: "query" | "mutation";
  /** Who succeeds; everyone else among `actors` gets 403 (deny by default). */
  allowed: Actor[];
  /** A valid input for `actor` (fresh for mutations, so each call can succeed). */
  input?: (fx: Fixture, actor: Actor) => Promise<unknown>;
  /**
   * The route acts on one resource of `home`: a person of another workspace gets 404, and with
   * "org" so does a customer of another organization.
   */
  scope?: "workspace" | "org";
}

/** Routes anyone may call (signing in, links from mail); they are tested in the identity suite. */
export const publicRoutes = new Set([
  "identity:auth.signIn",
  "identity:auth.signOut",
  "identity:auth.me",
  "identity:auth.requestPasswordReset",
  "identity:auth.resetPassword",
  "identity:auth.acceptInvitation",
  // The signed-out help center (tested in test/flow/help-center.int.test.ts).
  "kb:help.list",
  "kb:help.get",
  "kb:help.search",
  "kb:help.feedback",
]);

const ticketInput = async (fx: Fixture) => ({ ticketId: await fx.openTicket() });
const staff: Actor[] = ["agent", "editor", "admin"];

/** Every authenticated route of every service. A route missing here fails the suite. */
export const routeMatrix: RouteSpec[] = [
  {
    service: "ticket",
    path: "tickets.create",
    type: "mutation",
    allowed: ["customerA", "agent", "admin"],
    input: async (fx) => ({
      subject: `Matrix ${fx.unique()}`,
      description: "from the route matrix",
    }),
  },
  {
    service: "ticket",
    path: "tickets.list",
    type: "query",
    allowed: ["customerA", "agent", "admin"],
  },
  {
    service: "ticket",
    path: "tickets.get",
    type: "query",
    allowed: ["customerA", "agent", "admin"],
    input: ticketInput,
    scope: "org",
  },
  {
    service: "ticket",
    path: "tickets.resolve",
    type: "mutation",
    allowed: ["agent", "admin"],
    input: ticketInput,
    scope: "org",
  },
  { service: "kb", path: "articles.list", type: "query", allowed: actors },
  {
    service: "kb",
    path: "articles.create",
    type: "mutation",
    allowed: ["editor", "admin"],
    input: async (fx) => ({ title: `Article ${fx.unique()}`, body: "Body" }),
  },
  { service: "kb", path: "indexing.pending", type: "query", allowed: ["editor", "admin"] },
  {
    service: "kb",
    path: "articles.get",
    type: "query",
    allowed: actors,
    input: async (fx) => ({ articleId: await fx.writeArticle("published") }),
    scope: "workspace",
  },
  {
    service: "kb",
    path: "articles.update",
    type: "mutation",
    allowed: ["editor", "admin"],
    input: async (fx) => ({ articleId: await fx.writeArticle("draft"), body: "Edited body" }),
    scope: "workspace",
  },
  {
    service: "kb",
    path: "articles.setStatus",
    type: "mutation",
    allowed: ["editor", "admin"],
    input: async (fx) => ({ articleId: await fx.writeArticle("draft"), status: "published" }),
    scope: "workspace",
  },
  {
    service: "kb",
    path: "suggestions.suggest",
    type: "query",
    allowed: actors,
    input: async () => ({ subject: "How do I reset my passw" }),
  },
  {
    service: "kb",
    path: "suggestions.track",
    type: "mutation",
    allowed: actors,
    input: async () => ({ queryId: crypto.randomUUID(), kind: "impression" }),
  },
  {
    service: "kb",
    path: "drafts.draft",
    type: "mutation",
    allowed: ["agent", "admin"],
    input: async () => ({ ticketId: crypto.randomUUID(), subject: "Forgot my password" }),
  },
  {
    service: "kb",
    path: "drafts.recordUse",
    type: "mutation",
    allowed: ["agent", "admin"],
    input: async (fx) => {
      const draft = await call<{ draftId: string }>(
        fx.baseUrl,
        fx.home.sessions.agent,
        "kb",
        "drafts.draft",
        "mutation",
        {
          ticketId: crypto.randomUUID(),
          subject: "Forgot my password",
        },
      );
      return { draftId: draft.draftId, usedSourceIds: [] };
    },
    scope: "workspace",
  },
  { service: "notification", path: "notifications.list", type: "query", allowed: actors },
  { service: "notification", path: "notifications.unreadCount", type: "query", allowed: actors },
  {
    service: "notification",
    path: "notifications.markRead",
    type: "mutation",
    allowed: actors,
    input: async () => ({ ids: [crypto.randomUUID()] }),
  },
  { service: "notification", path: "notifications.markAllRead", type: "mutation", allowed: actors },
  { service: "notification", path: "preferences.get", type: "query", allowed: actors },
  {
    service: "notification",
    path: "preferences.update",
    type: "mutation",
    allowed: actors,
    input: async () => ({ kinds: [{ kind: "ticket.created", inApp: true, email: false }] }),
  },
  { service: "notification", path: "mail.mailbox", type: "query", allowed: ["admin"] },
  { service: "notification", path: "mail.deadLetters", type: "query", allowed: ["admin"] },
  {
    service: "notification",
    path: "mail.retry",
    type: "mutation",
    allowed: ["admin"],
    input: async () => ({ mailId: crypto.randomUUID() }),
  },
  { service: "notification", path: "mail.settings", type: "query", allowed: ["admin"] },
  {
    service: "notification",
    path: "mail.updateSettings",
    type: "mutation",
    allowed: ["admin"],
    input: async () => ({ fromName: "Support team" }),
  },
  // Presence is kept by workspace, not by ticket (this service has no tickets): staff who work
  // tickets may use it, customers and editors may not.
  {
    service: "notification",
    path: "presence.beat",
    type: "mutation",
    allowed: ["agent", "admin"],
    input: async (fx) => ({ ticketId: await fx.openTicket(), mode: "viewing" }),
  },
  {
    service: "notification",
    path: "presence.leave",
    type: "mutation",
    allowed: ["agent", "admin"],
    input: ticketInput,
  },
  {
    service: "notification",
    path: "presence.list",
    type: "query",
    allowed: ["agent", "admin"],
    input: ticketInput,
  },
  { service: "notification", path: "webhooks.list", type: "query", allowed: ["admin"] },
  { service: "notification", path: "webhooks.eventTypes", type: "query", allowed: ["admin"] },
  {
    service: "notification",
    path: "webhooks.create",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => ({
      url: `https://hooks.example.com/${fx.unique()}`,
      eventTypes: ["ticket.created"],
    }),
  },
  {
    service: "notification",
    path: "webhooks.delete",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => ({ endpointId: await makeWebhook(fx) }),
    scope: "workspace",
  },
  {
    service: "notification",
    path: "webhooks.deliveries",
    type: "query",
    allowed: ["admin"],
    input: async (fx) => ({ endpointId: await makeWebhook(fx) }),
    scope: "workspace",
  },
  {
    service: "identity",
    path: "directory.invitations.create",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => ({
      kind: "staff",
      email: `new-${fx.unique()}@example.com`,
      roles: ["agent"],
    }),
  },
  { service: "identity", path: "directory.organizations.list", type: "query", allowed: staff },
  {
    service: "identity",
    path: "directory.organizations.create",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => ({ name: `Org ${fx.unique()}` }),
  },
  { service: "identity", path: "directory.users.list", type: "query", allowed: staff },
  {
    service: "identity",
    path: "directory.users.update",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => ({ userId: fx.home.ws.agent.userId, roles: ["agent"] }),
    scope: "workspace",
  },
  { service: "identity", path: "directory.groups.list", type: "query", allowed: staff },
  {
    service: "identity",
    path: "directory.groups.create",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => ({ name: `Group ${fx.unique()}` }),
  },
  {
    service: "identity",
    path: "directory.groups.addMember",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => {
      const { id } = await call<{ id: string }>(
        fx.baseUrl,
        fx.home.sessions.admin,
        "identity",
        "directory.groups.create",
        "mutation",
        {
          name: `Group ${fx.unique()}`,
        },
      );
      return { groupId: id, userId: fx.home.ws.agent.userId };
    },
    scope: "workspace",
  },
  {
    service: "identity",
    path: "directory.groups.removeMember",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => {
      const { id } = await call<{ id: string }>(
        fx.baseUrl,
        fx.home.sessions.admin,
        "identity",
        "directory.groups.create",
        "mutation",
        { name: `Group ${fx.unique()}` },
      );
      return { groupId: id, userId: fx.home.ws.agent.userId };
    },
    scope: "workspace",
  },
  {
    service: "identity",
    path: "directory.groups.setLead",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => {
      const { id } = await call<{ id: string }>(
        fx.baseUrl,
        fx.home.sessions.admin,
        "identity",
        "directory.groups.create",
        "mutation",
        { name: `Group ${fx.unique()}` },
      );
      return { groupId: id, userId: fx.home.ws.agent.userId };
    },
    scope: "workspace",
  },
  { service: "identity", path: "directory.apiTokens.list", type: "query", allowed: ["admin"] },
  {
    service: "identity",
    path: "directory.apiTokens.create",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => ({ name: `Token ${fx.unique()}`, role: "agent" }),
  },
  {
    service: "identity",
    path: "directory.apiTokens.revoke",
    type: "mutation",
    allowed: ["admin"],
    input: async (fx) => {
      const made = await call<{ token: { id: string } }>(
        fx.baseUrl,
        fx.home.sessions.admin,
        "identity",
        "directory.apiTokens.create",
        "mutation",
        {
          name: `Token ${fx.unique()}`,
          role: "agent",
        },
      );
      return { tokenId: made.token.id };
    },
    scope: "workspace",
  },
  ...ticketLifecycleRoutes(),
  {
    service: "kb",
    path: "articles.versions",
    type: "query",
    allowed: ["editor", "admin"],
    input: async (fx) => ({ articleId: await fx.writeArticle("draft") }),
    scope: "workspace",
  },
  {
    service: "kb",
    path: "articles.diff",
    type: "query",
    allowed: ["editor", "admin"],
    input: async (fx) => ({ articleId: await editedArticle(fx), from: 1, to: 2 }),
    scope: "workspace",
  },
  {
    service: "kb",
    path: "articles.restore",
    type: "mutation",
    allowed: ["editor", "admin"],
    input: async (fx) => ({ articleId: await editedArticle(fx), version: 1 }),
    scope: "workspace",
  },
  {
    service: "kb",
    path: "articles.fromTicket",
    type: "mutation",
    allowed: ["editor", "admin"],
    input: async (fx) => ({ ticketId: await resolvedTicket(fx) }),
    scope: "workspace",
  },
  {
    service: "kb",
    path: "articles.linkTicket",
    type: "mutation",
    allowed: staff,
    input: async (fx) => ({
      articleId: await fx.writeArticle("published"),
      ticketId: await fx.openTicket(),
    }),
    scope: "workspace",
  },
  {
    service: "kb",
    path: "articles.stats",
    type: "query",
    allowed: staff,
    input: async (fx) => ({ articleId: await fx.writeArticle("published") }),
    scope: "workspace",
  },
  { service: "kb", path: "insights.gaps", type: "query", allowed: ["editor", "admin"] },
  ...slaRoutes(),
  ...webReportRoutes(),
];

/** An article of `home` with two versions. */
async function editedArticle(fx: Fixture) {
  const articleId = await fx.writeArticle("draft");
  await call(fx.baseUrl, fx.home.sessions.editor, "kb", "articles.update", "mutation", {
    articleId,
    body: "A second version.",
  });
  return articleId;
}

/** A ticket of `home`, resolved, once the KB has received its resolution document. */
async function resolvedTicket(fx: Fixture) {
  const ticketId = await fx.openTicket();
  await call(fx.baseUrl, fx.home.sessions.agent, "ticket", "tickets.resolve", "mutation", {
    ticketId,
  });
  for (let tries = 0; tries < 100; tries++) {
    const { status } = await rawCall(
      fx.baseUrl,
      fx.home.sessions.admin,
      "kb",
      "articles.fromTicket",
      "mutation",
      { ticketId },
    );
    if (status !== 404) return ticketId;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the KB never received the ticket's resolution");
}

const slaPolicyInput = (fx: Fixture) => ({
  name: `Policy ${fx.unique()}`,
  priority: "high",
  firstResponseMinutes: 30,
  resolutionMinutes: 600,
});
const slaCalendarInput = (fx: Fixture) => ({
  name: `Hours ${fx.unique()}`,
  timeZone: "Europe/Berlin",
  hours: [{ day: 1, start: "09:00", end: "17:00" }],
});
const adminMade = async (fx: Fixture, path: string, input: unknown) =>
  (
    await call<{ id: string }>(
      fx.baseUrl,
      fx.home.sessions.admin,
      "ticket",
      path,
      "mutation",
      input,
    )
  ).id;

/** SLA administration (admins), a ticket's SLA (staff) and the compliance report (admins). */
function slaRoutes(): RouteSpec[] {
  const admin: Actor[] = ["admin"];
  return [
    { service: "ticket", path: "sla.policies.list", type: "query", allowed: admin },
    {
      service: "ticket",
      path: "sla.policies.create",
      type: "mutation",
      allowed: admin,
      input: async (fx) => slaPolicyInput(fx),
    },
    {
      service: "ticket",
      path: "sla.policies.update",
      type: "mutation",
      allowed: admin,
      input: async (fx) => ({
        policyId: await adminMade(fx, "sla.policies.create", slaPolicyInput(fx)),
        resolutionMinutes: 480,
      }),
      scope: "workspace",
    },
    {
      service: "ticket",
      path: "sla.policies.delete",
      type: "mutation",
      allowed: admin,
      input: async (fx) => ({
        policyId: await adminMade(fx, "sla.policies.create", slaPolicyInput(fx)),
      }),
      scope: "workspace",
    },
    { service: "ticket", path: "sla.calendars.list", type: "query", allowed: admin },
    {
      service: "ticket",
      path: "sla.calendars.create",
      type: "mutation",
      allowed: admin,
      input: async (fx) => slaCalendarInput(fx),
    },
    {
      service: "ticket",
      path: "sla.calendars.update",
      type: "mutation",
      allowed: admin,
      input: async (fx) => ({
        calendarId: await adminMade(fx, "sla.calendars.create", slaCalendarInput(fx)),
        holidays: [{ date: "2026-12-25", name: "Christmas" }],
      }),
      scope: "workspace",
    },
    {
      service: "ticket",
      path: "sla.calendars.delete",
      type: "mutation",
      allowed: admin,
      input: async (fx) => ({
        calendarId: await adminMade(fx, "sla.calendars.create", slaCalendarInput(fx)),
      }),
      scope: "workspace",
    },
    { service: "ticket", path: "sla.settings.get", type: "query", allowed: admin },
    {
      service: "ticket",
      path: "sla.settings.set",
      type: "mutation",
      allowed: admin,
      input: async () => ({ autoCloseDays: 3 }),
    },
    {
      service: "ticket",
      path: "sla.ticket",
      type: "query",
      allowed: ["agent", "admin"],
      input: ticketInput,
      scope: "org",
    },
    {
      service: "ticket",
      path: "sla.compliance",
      type: "query",
      allowed: admin,
      input: async () => ({ from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" }),
    },
  ];
}

type Session = Workspace["sessions"][keyof Workspace["sessions"]];

/** Calls a procedure over plain HTTP, as any client would; returns the status and body. */
export async function rawCall(
  baseUrl: string,
  who: Session | null,
  service: RouteSpec["service"],
  path: string,
  type: RouteSpec["type"],
  input: unknown,
): Promise<{ status: number; body: unknown }> {
  const url = new URL(`${baseUrl}/api/${service}/trpc/${path}`);
  const headers: Record<string, string> = who
    ? { cookie: who.cookie, "x-csrf-token": who.csrf }
    : {};
  let res: Response;
  if (type === "query") {
    if (input !== undefined) url.searchParams.set("input", JSON.stringify(input));
    res = await fetch(url, { headers });
  } else {
    res = await fetch(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: input === undefined ? "" : JSON.stringify(input),
    });
  }
  return { status: res.status, body: await res.json() };
}

async function call<T>(...args: Parameters<typeof rawCall>): Promise<T> {
  const { status, body } = await rawCall(...args);
  if (status !== 200)
    throw new Error(`setup call ${args[3]} failed with ${status}: ${JSON.stringify(body)}`);
  return (body as { result: { data: T } }).result.data;
}

/** The ticket lifecycle's routes (statuses, thread, search, routing, macros, CSAT, ...). */
function ticketLifecycleRoutes(): RouteSpec[] {
  const deskRoles: Actor[] = ["customerA", "agent", "admin"];
  const agents: Actor[] = ["agent", "admin"];
  const t = (
    path: string,
    type: RouteSpec["type"],
    allowed: Actor[],
    input?: RouteSpec["input"],
    scope?: RouteSpec["scope"],
  ): RouteSpec => ({
    service: "ticket",
    path,
    type,
    allowed,
    ...(input ? { input } : {}),
    ...(scope ? { scope } : {}),
  });
  /** A public comment on a fresh ticket, written by `actor` when they may comment. */
  const commentBy = async (fx: Fixture, actor: Actor) => {
    const ticketId = await fx.openTicket();
    const author = deskRoles.includes(actor) ? actor : "customerA";
    const c = await call<{ id: string }>(
      fx.baseUrl,
      fx.home.sessions[author],
      "ticket",
      "comments.add",
      "mutation",
      { ticketId, body: `Comment ${fx.unique()}` },
    );
    return c.id;
  };
  const macro = async (fx: Fixture) =>
    (
      await call<{ id: string }>(
        fx.baseUrl,
        fx.home.sessions.agent,
        "ticket",
        "macros.create",
        "mutation",
        { name: `Macro ${fx.unique()}`, body: "Hello {{requester.name}}" },
      )
    ).id;
  const justResolved = async (fx: Fixture) => {
    const ticketId = await fx.openTicket();
    await call(fx.baseUrl, fx.home.sessions.agent, "ticket", "tickets.resolve", "mutation", {
      ticketId,
    });
    return ticketId;
  };
  return [
    t("tickets.search", "query", deskRoles, async () => ({ filters: { priority: ["medium"] } })),
    t(
      "tickets.setStatus",
      "mutation",
      agents,
      async (fx) => ({ ticketId: await fx.openTicket(), status: "in_progress" }),
      "org",
    ),
    t(
      "tickets.setPriority",
      "mutation",
      agents,
      async (fx) => ({ ticketId: await fx.openTicket(), priority: "high" }),
      "org",
    ),
    t(
      "tickets.assign",
      "mutation",
      agents,
      async (fx) => ({ ticketId: await fx.openTicket(), assigneeId: null }),
      "org",
    ),
    t("tickets.close", "mutation", agents, ticketInput, "org"),
    t(
      "tickets.update",
      "mutation",
      agents,
      async (fx) => ({ ticketId: await fx.openTicket(), tags: ["matrix"] }),
      "org",
    ),
    t(
      "tickets.merge",
      "mutation",
      agents,
      async (fx) => ({
        sourceTicketId: await fx.openTicket(),
        targetTicketId: await fx.openTicket(),
      }),
      "org",
    ),
    t(
      "tickets.split",
      "mutation",
      agents,
      async (fx) => ({ commentId: await commentBy(fx, "customerA"), subject: "Split off" }),
      "org",
    ),
    t("tickets.bulk", "mutation", agents, async (fx) => ({
      action: "priority",
      ticketIds: [await fx.openTicket()],
      priority: "high",
    })),
    t("comments.list", "query", deskRoles, ticketInput, "org"),
    t(
      "comments.add",
      "mutation",
      deskRoles,
      async (fx) => ({ ticketId: await fx.openTicket(), body: "A reply" }),
      "org",
    ),
    t(
      "comments.edit",
      "mutation",
      deskRoles,
      async (fx, actor) => ({ commentId: await commentBy(fx, actor), body: "Edited" }),
      "org",
    ),
    t(
      "comments.delete",
      "mutation",
      deskRoles,
      async (fx, actor) => ({ commentId: await commentBy(fx, actor) }),
      "org",
    ),
    t("statuses.list", "query", deskRoles),
    t("statuses.create", "mutation", ["admin"], async (fx) => ({
      key: `s_${fx.unique()}`,
      label: "Matrix status",
      kind: "in_progress",
    })),
    t("audit.forTicket", "query", agents, ticketInput, "org"),
    t("views.list", "query", agents),
    t("views.save", "mutation", agents, async (fx) => ({ name: `View ${fx.unique()}` })),
    t("views.delete", "mutation", agents, async (fx, actor) => {
      const owner = agents.includes(actor) ? actor : "agent";
      const v = await call<{ id: string }>(
        fx.baseUrl,
        fx.home.sessions[owner],
        "ticket",
        "views.save",
        "mutation",
        { name: `View ${fx.unique()}` },
      );
      return { viewId: v.id };
    }),
    t("routing.config", "query", agents),
    t("routing.setCategoryGroup", "mutation", ["admin"], async () => ({
      category: "general",
      groupId: null,
    })),
    t("routing.setAgent", "mutation", agents, async (fx, actor) => ({
      userId: fx.home.ws[actor].userId,
      away: false,
    })),
    t("fields.categories", "query", deskRoles),
    t("fields.setCategories", "mutation", ["admin"], async () => ({
      categories: ["general", "billing", "technical", "account", "feature_request", "bug"].map(
        (key) => ({ key, label: key }),
      ),
    })),
    t("fields.customFields", "query", deskRoles),
    t("fields.defineCustomField", "mutation", ["admin"], async (fx) => ({
      key: `f_${fx.unique()}`,
      label: "Matrix field",
      type: "text",
    })),
    t(
      "csat.submit",
      "mutation",
      ["customerA"],
      async (fx) => ({ ticketId: await justResolved(fx), rating: 5 }),
      "org",
    ),
    t("csat.forTicket", "query", deskRoles, ticketInput, "org"),
    t("macros.list", "query", agents),
    t("macros.create", "mutation", agents, async (fx) => ({
      name: `Macro ${fx.unique()}`,
      body: "Hi {{requester.name}}",
    })),
    t(
      "macros.delete",
      "mutation",
      ["admin"],
      async (fx) => ({ macroId: await macro(fx) }),
      "workspace",
    ),
    t(
      "macros.preview",
      "query",
      agents,
      async (fx) => ({ macroId: await macro(fx), ticketId: await fx.openTicket() }),
      "workspace",
    ),
    t(
      "macros.applyTo",
      "mutation",
      agents,
      async (fx) => ({ macroId: await macro(fx), ticketId: await fx.openTicket() }),
      "workspace",
    ),
    t("macros.templates", "query", agents),
    t("macros.portalTemplates", "query", deskRoles),
    t("macros.createTemplate", "mutation", ["admin"], async (fx) => ({
      name: `Template ${fx.unique()}`,
      subject: "Printer problem",
      description: "Describe the printer and the error.",
    })),
  ];
}

/** Registers a webhook in `home` as its admin; returns its id. */
async function makeWebhook(fx: Fixture): Promise<string> {
  const made = await call<{ endpoint: { id: string } }>(
    fx.baseUrl,
    fx.home.sessions.admin,
    "notification",
    "webhooks.create",
    "mutation",
    { url: `https://hooks.example.com/${fx.unique()}`, eventTypes: ["ticket.created"] },
  );
  return made.endpoint.id;
}

/** One REST endpoint (`/api/ticket/rest/v1`) and who may call it; see `RouteSpec`. */
export interface RestRouteSpec {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** As in the OpenAPI document: `/tickets/{ticketId}`. */
  path: string;
  allowed: Actor[];
  /** Path parameters, query and body for `actor` (fresh for writes, so each call can succeed). */
  request?: (fx: RestFixture, actor: Actor) => Promise<RestRequest>;
  scope?: RouteSpec["scope"];
}
export interface RestRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}
export interface RestFixture extends Fixture {
  /** Calls a REST endpoint of `home` as `actor` (API tokens for staff, a session for customers). */
  rest(
    actor: Actor,
    method: RestRouteSpec["method"],
    path: string,
    req?: RestRequest,
  ): Promise<{ status: number; body: unknown }>;
}

/** Every REST endpoint of the ticket service. A route missing here fails the REST matrix. */
export function restRouteMatrix(): RestRouteSpec[] {
  const desk: Actor[] = ["customerA", "agent", "admin"];
  const agents: Actor[] = ["agent", "admin"];
  const ticket = async (fx: Fixture) => ({ params: { ticketId: await fx.openTicket() } });
  const r = (
    method: RestRouteSpec["method"],
    path: string,
    allowed: Actor[],
    request?: RestRouteSpec["request"],
    scope?: RestRouteSpec["scope"],
  ): RestRouteSpec => ({
    method,
    path,
    allowed,
    ...(request ? { request } : {}),
    ...(scope ? { scope } : {}),
  });
  const onTicket = (body: unknown) => async (fx: Fixture) => ({ ...(await ticket(fx)), body });
  const publicComment = async (fx: Fixture) => {
    const ticketId = await fx.openTicket();
    const c = await call<{ id: string }>(
      fx.baseUrl,
      fx.home.sessions.customerA,
      "ticket",
      "comments.add",
      "mutation",
      { ticketId, body: `Comment ${fx.unique()}` },
    );
    return c.id;
  };
  const resolved = async (fx: Fixture) => {
    const ticketId = await fx.openTicket();
    await call(fx.baseUrl, fx.home.sessions.agent, "ticket", "tickets.resolve", "mutation", {
      ticketId,
    });
    return ticketId;
  };
  const macro = async (fx: Fixture) =>
    (
      await call<{ id: string }>(
        fx.baseUrl,
        fx.home.sessions.agent,
        "ticket",
        "macros.create",
        "mutation",
        { name: `Macro ${fx.unique()}`, body: "Hello {{requester.name}}" },
      )
    ).id;
  return [
    r("GET", "/tickets", desk, async () => ({ query: "priority=medium&sort=number:asc" })),
    r("POST", "/tickets", desk, async (fx) => ({
      body: { subject: `REST ${fx.unique()}`, description: "from the REST matrix" },
    })),
    r("GET", "/tickets/{ticketId}", desk, ticket, "org"),
    r("PATCH", "/tickets/{ticketId}", agents, onTicket({ tags: ["rest"] }), "org"),
    r("POST", "/tickets/{ticketId}/status", agents, onTicket({ status: "in_progress" }), "org"),
    r("POST", "/tickets/{ticketId}/priority", agents, onTicket({ priority: "urgent" }), "org"),
    r("POST", "/tickets/{ticketId}/assign", agents, onTicket({ assigneeId: null }), "org"),
    r("POST", "/tickets/{ticketId}/resolve", agents, ticket, "org"),
    r("POST", "/tickets/{ticketId}/close", agents, ticket, "org"),
    r(
      "POST",
      "/tickets/{sourceTicketId}/merge",
      agents,
      async (fx) => ({
        params: { sourceTicketId: await fx.openTicket() },
        body: { targetTicketId: await fx.openTicket() },
      }),
      "org",
    ),
    r(
      "POST",
      "/comments/{commentId}/split",
      agents,
      async (fx) => ({
        params: { commentId: await publicComment(fx) },
        body: { subject: "Split" },
      }),
      "org",
    ),
    r("POST", "/tickets/bulk", agents, async (fx) => ({
      body: { action: "priority", ticketIds: [await fx.openTicket()], priority: "high" },
    })),
    r("GET", "/tickets/{ticketId}/comments", desk, ticket, "org"),
    r("POST", "/tickets/{ticketId}/comments", desk, onTicket({ body: "A REST reply" }), "org"),
    r("GET", "/tickets/{ticketId}/attachments", desk, ticket, "org"),
    r("GET", "/tickets/{ticketId}/csat", desk, ticket, "org"),
    r(
      "POST",
      "/tickets/{ticketId}/csat",
      ["customerA"],
      async (fx) => ({ params: { ticketId: await resolved(fx) }, body: { rating: 4 } }),
      "org",
    ),
    r(
      "GET",
      "/tickets/{ticketId}/audit",
      agents,
      async (fx) => ({
        ...(await ticket(fx)),
        query: "afterSeq=0&limit=10",
      }),
      "org",
    ),
    r("GET", "/tickets/{ticketId}/sla", agents, ticket, "org"),
    r("GET", "/statuses", desk),
    r("GET", "/macros", agents),
    r(
      "POST",
      "/macros/{macroId}/apply",
      agents,
      async (fx) => ({
        params: { macroId: await macro(fx) },
        body: { ticketId: await fx.openTicket() },
      }),
      "workspace",
    ),
    r("GET", "/views", agents),
    r("POST", "/views", agents, async (fx) => ({ body: { name: `View ${fx.unique()}` } })),
    r(
      "DELETE",
      "/views/{viewId}",
      agents,
      async (fx, actor) => {
        const v = await fx.rest(agents.includes(actor) ? actor : "agent", "POST", "/views", {
          body: { name: `View ${fx.unique()}` },
        });
        return { params: { viewId: (v.body as { id: string }).id } };
      },
      "workspace",
    ),
    r("GET", "/sla/policies", ["admin"]),
  ];
}

/** Agent performance and CSAT reports (admins) and the portal's SLA countdown (ticket readers). */
function webReportRoutes(): RouteSpec[] {
  const range = async () => ({ from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z" });
  return [
    {
      service: "ticket",
      path: "reports.agentPerformance",
      type: "query",
      allowed: ["admin"],
      input: range,
    },
    { service: "ticket", path: "reports.csat", type: "query", allowed: ["admin"], input: range },
    {
      service: "ticket",
      path: "sla.countdown",
      type: "query",
      allowed: ["customerA", "agent", "admin"],
      input: ticketInput,
      scope: "org",
    },
  ];
}
