import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "@signpost/gateway";
import { testGatewayEnv } from "../support/run-modes.ts";
import { clientsFor, codeOf, signedInWorkspace, signIn, testPassword } from "../support/clients.ts";

/** Everything the gateway logs, so a test can read the development-only mail links. */
function capturedLogger() {
  const lines: string[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
  const linkTo = (path: string) => {
    for (const line of [...lines].reverse()) {
      const link = (JSON.parse(line) as { link?: string }).link;
      if (link?.includes(path)) return new URL(link).searchParams.get("token") ?? "";
    }
    throw new Error(`no ${path} link logged`);
  };
  return { logger, linkTo };
}

describe("identity and access", () => {
  let gw: RunningGateway;
  let dir: string;
  let home: Awaited<ReturnType<typeof signedInWorkspace>>;
  const logs = capturedLogger();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "signpost-identity-"));
    gw = await startGateway(
      testGatewayEnv({ DATA_DIR: dir, LOGIN_MAX_FAILURES: "6", TRUST_PROXY: "true" }),
      logs.logger,
    );
    home = await signedInWorkspace(gw);
  });
  afterAll(async () => {
    await gw?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  describe("sign-in and sessions", () => {
    it("sets an httpOnly, SameSite session cookie and answers me", async () => {
      const res = await fetch(`${gw.url}/api/identity/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          email: home.emailOf("agent"),
          password: testPassword,
          workspace: home.slug,
        }),
      });
      expect(res.status).toBe(200);
      const cookie = res.headers.get("set-cookie") ?? "";
      expect(cookie).toMatch(/^sp_session=[\w-]{40,};/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      const me = await clientsFor(gw.url, home.sessions.agent).identity.auth.me.query();
      expect(me).toMatchObject({
        userId: home.ws.agent.userId,
        roles: ["agent"],
        email: home.emailOf("agent"),
      });
    });

    it("never tells whether an email exists", async () => {
      const attempt = async (email: string) => {
        const res = await fetch(`${gw.url}/api/identity/trpc/auth.signIn`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email, password: "wrong password!", workspace: home.slug }),
        });
        return {
          status: res.status,
          message: ((await res.json()) as { error: { message: string } }).error.message,
        };
      };
      const known = await attempt(home.emailOf("editor"));
      const unknown = await attempt(`nobody@${home.slug}.example.com`);
      expect(known).toEqual({ status: 401, message: "Email or password is incorrect" });
      expect(unknown).toEqual(known);
    });

    it("refuses malformed input with a 400 that says what is wrong", async () => {
      const anon = clientsFor(gw.url, null);
      const error = await anon.identity.auth.signIn
        .mutate({ email: "not-an-email", password: "x" })
        .catch((e: unknown) => e);
      expect((error as { data: { code: string } }).data.code).toBe("BAD_REQUEST");
      expect((error as Error).message).toMatch(/valid email/);
      const wrongType = await fetch(`${gw.url}/api/identity/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: 42, password: ["x"] }),
      });
      expect(wrongType.status).toBe(400);
      const notJson = await fetch(`${gw.url}/api/identity/trpc/auth.signIn`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{email:",
      });
      expect(notJson.status).toBe(400);
      const huge = await fetch(`${gw.url}/api/ticket/trpc/tickets.create`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: home.sessions.customerA.cookie,
          "x-csrf-token": home.sessions.customerA.csrf,
        },
        body: JSON.stringify({ subject: "Big", description: "x".repeat(2 * 1024 * 1024) }),
      });
      expect(huge.status).toBe(413);
    });

    it("signs out: the cookie stops working", async () => {
      const session = await signIn(gw.url, home.emailOf("editor"), testPassword, home.slug);
      const client = clientsFor(gw.url, session);
      expect(await client.identity.auth.me.query()).not.toBeNull();
      await client.identity.auth.signOut.mutate();
      expect(await client.identity.auth.me.query()).toBeNull();
      expect(await codeOf(client.kb.articles.list.query())).toBe("UNAUTHORIZED");
    });

    it("slows down repeated failures, then refuses them, even with the right password", async () => {
      const email = home.emailOf("customerB");
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const started = Date.now();
        const res = await fetch(`${gw.url}/api/identity/trpc/auth.signIn`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
          body: JSON.stringify({ email, password: "not the password", workspace: home.slug }),
        });
        expect(res.status).toBe(401);
        times.push(Date.now() - started);
      }
      expect(times[4]).toBeGreaterThanOrEqual(240); // the fifth failure waited
      const locked = await signIn(gw.url, email, testPassword, home.slug).catch((e: unknown) =>
        String(e),
      );
      expect(locked).toMatch(/429/);
    });
  });

  describe("invitations", () => {
    it("lets an invited agent set a password once and sign in", async () => {
      const admin = clientsFor(gw.url, home.sessions.admin);
      const email = `invitee@${home.slug}.example.com`;
      const invite = await admin.identity.directory.invitations.create.mutate({
        kind: "staff",
        email,
        roles: ["agent", "kb_editor"],
      });
      const token = new URL(invite.acceptUrl).searchParams.get("token") ?? "";
      expect(logs.linkTo("/invitation")).toBe(token);

      const anon = clientsFor(gw.url, null);
      const me = await anon.identity.auth.acceptInvitation.mutate({
        token,
        name: "New Agent",
        password: "a fresh password",
      });
      expect(me).toMatchObject({ email, roles: ["agent", "kb_editor"], orgId: null });
      expect(
        await codeOf(
          anon.identity.auth.acceptInvitation.mutate({
            token,
            name: "Again",
            password: "another password",
          }),
        ),
      ).toBe("BAD_REQUEST");
      expect((await signIn(gw.url, email, "a fresh password", home.slug)).me.name).toBe(
        "New Agent",
      );
      expect(
        await codeOf(
          admin.identity.directory.invitations.create.mutate({
            kind: "staff",
            email,
            roles: ["agent"],
          }),
        ),
      ).toBe("CONFLICT");
    });

    it("makes an invited contact a customer of that organization only", async () => {
      const admin = clientsFor(gw.url, home.sessions.admin);
      const invite = await admin.identity.directory.invitations.create.mutate({
        kind: "contact",
        email: `contact@${home.slug}.example.com`,
        orgId: home.ws.orgB,
      });
      const token = new URL(invite.acceptUrl).searchParams.get("token") ?? "";
      const me = await clientsFor(gw.url, null).identity.auth.acceptInvitation.mutate({
        token,
        name: "Contact B",
        password: "contact password",
      });
      expect(me).toMatchObject({ roles: ["customer"], orgId: home.ws.orgB });
      const other = await signedInWorkspace(gw);
      expect(
        await codeOf(
          admin.identity.directory.invitations.create.mutate({
            kind: "contact",
            email: "x@example.com",
            orgId: other.ws.orgA,
          }),
        ),
      ).toBe("NOT_FOUND");
    });
  });

  describe("password reset", () => {
    it("sets a new password from a single-use link and signs out every session", async () => {
      const email = home.emailOf("customerA");
      const before = await signIn(gw.url, email, testPassword, home.slug);
      const anon = clientsFor(gw.url, null);
      await anon.identity.auth.requestPasswordReset.mutate({ email, workspace: home.slug });
      const token = logs.linkTo("/reset-password");
      await anon.identity.auth.resetPassword.mutate({ token, password: "brand new password" });

      expect(await clientsFor(gw.url, before).identity.auth.me.query()).toBeNull();
      expect(await signIn(gw.url, email, testPassword, home.slug).catch(() => "refused")).toBe(
        "refused",
      );
      expect((await signIn(gw.url, email, "brand new password", home.slug)).me.email).toBe(email);
      expect(
        await codeOf(
          anon.identity.auth.resetPassword.mutate({ token, password: "yet another one" }),
        ),
      ).toBe("BAD_REQUEST");
    });

    it("answers the same for an email nobody has", async () => {
      const anon = clientsFor(gw.url, null);
      expect(
        await anon.identity.auth.requestPasswordReset.mutate({
          email: "ghost@example.com",
          workspace: home.slug,
        }),
      ).toEqual({
        ok: true,
      });
    });
  });

  describe("API tokens", () => {
    it("authenticates an integration with its role until revoked; the secret is shown once", async () => {
      const admin = clientsFor(gw.url, home.sessions.admin);
      const { token, secret } = await admin.identity.directory.apiTokens.create.mutate({
        name: "CRM sync",
        role: "agent",
      });
      expect(secret).toMatch(/^sp_/);
      expect(token.prefix).toBe(secret.slice(0, 10));
      expect(JSON.stringify(await admin.identity.directory.apiTokens.list.query())).not.toContain(
        secret,
      );

      const integration = clientsFor(gw.url, { apiToken: secret });
      expect(Array.isArray(await integration.ticket.tickets.list.query())).toBe(true);
      expect(
        await codeOf(integration.kb.articles.create.mutate({ title: "Nope", body: "x" })),
      ).toBe("FORBIDDEN");

      await admin.identity.directory.apiTokens.revoke.mutate({ tokenId: token.id });
      expect(await codeOf(integration.ticket.tickets.list.query())).toBe("HTTP 401");
    });
  });

  describe("administration", () => {
    it("disabling someone ends their sessions; an admin cannot lock themselves out", async () => {
      const admin = clientsFor(gw.url, home.sessions.admin);
      const victim = await signIn(gw.url, home.emailOf("agent"), testPassword, home.slug);
      await admin.identity.directory.users.update.mutate({
        userId: home.ws.agent.userId,
        status: "disabled",
      });
      expect(await codeOf(clientsFor(gw.url, victim).ticket.tickets.list.query())).toBe(
        "UNAUTHORIZED",
      );
      expect(
        await signIn(gw.url, home.emailOf("agent"), testPassword, home.slug).catch(() => "refused"),
      ).toBe("refused");
      expect(
        await codeOf(
          admin.identity.directory.users.update.mutate({
            userId: home.ws.admin.userId,
            roles: ["agent"],
          }),
        ),
      ).toBe("CONFLICT");
      await admin.identity.directory.users.update.mutate({
        userId: home.ws.agent.userId,
        status: "active",
      });
    });
  });
});

describe("session expiry", () => {
  it("ends a session after its lifetime", async () => {
    const dir = await mkdtemp(join(tmpdir(), "signpost-expiry-"));
    const gw = await startGateway(testGatewayEnv({ DATA_DIR: dir, SESSION_TTL_HOURS: "0.0005" }));
    try {
      const home = await signedInWorkspace(gw);
      const client = clientsFor(gw.url, home.sessions.agent);
      expect(await client.identity.auth.me.query()).not.toBeNull();
      await new Promise((r) => setTimeout(r, 2200));
      expect(await client.identity.auth.me.query()).toBeNull();
      expect(await codeOf(client.ticket.tickets.list.query())).toBe("UNAUTHORIZED");
    } finally {
      await gw.stop();
      await rm(dir, { recursive: true, force: true });
    }
    // A whole embedded product starts inside this test (PGlite, every service's migrations).
  }, 120_000);
});
