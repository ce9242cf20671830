import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { roles, type TIdentity, type TRole } from "@signpost/contracts";
import { decide, type Action } from "./policy.ts";

const workspaceId = randomUUID();
const orgA = randomUUID();
const orgB = randomUUID();
const as = (role: TRole): TIdentity => ({
  userId: randomUUID(),
  workspaceId,
  roles: [role],
  orgId: role === "customer" ? orgA : null,
  name: role,
});

// The role x action matrix, deny by default: every cell is stated.
const allowed: Record<Action, TRole[]> = {
  "ticket.create": ["customer", "agent", "admin"],
  "ticket.read": ["customer", "agent", "admin"],
  "ticket.list": ["customer", "agent", "admin"],
  "ticket.resolve": ["agent", "admin"],
  "notification.read": ["customer", "agent", "kb_editor", "admin"],
  "kb.article.read": ["customer", "agent", "kb_editor", "admin"],
  "kb.article.write": ["kb_editor", "admin"],
  "kb.draft": ["agent", "admin"],
  "identity.directory.read": ["agent", "kb_editor", "admin"],
  "identity.users.manage": ["admin"],
  "identity.orgs.manage": ["admin"],
  "identity.groups.manage": ["admin"],
  "identity.tokens.manage": ["admin"],
  "ticket.comment": ["customer", "agent", "admin"],
  "ticket.note": ["agent", "admin"],
  "ticket.update": ["agent", "admin"],
  "ticket.audit.read": ["agent", "admin"],
  "ticket.configure": ["admin"],
  "ticket.csat": ["customer"],
  "ticket.macro.use": ["agent", "admin"],
  "ticket.views": ["agent", "admin"],
  "ticket.attachment.read": ["customer", "agent", "admin"],
  "kb.article.feedback": ["customer", "agent", "kb_editor", "admin"],
  "kb.article.link": ["agent", "kb_editor", "admin"],
  "kb.article.stats": ["agent", "kb_editor", "admin"],
  "kb.gaps.read": ["kb_editor", "admin"],
  "notification.preferences": ["customer", "agent", "kb_editor", "admin"],
  "notification.mail.admin": ["admin"],
  "notification.mail.inbound": ["admin"],
  "notification.webhooks.manage": ["admin"],
  "notification.presence": ["agent", "admin"],
  "sla.manage": ["admin"],
  "sla.read": ["agent", "admin"],
  "sla.report": ["admin"],
  "ticket.report": ["admin"],
};

describe("decide", () => {
  for (const [action, who] of Object.entries(allowed) as [Action, TRole[]][]) {
    for (const role of roles) {
      const expected = who.includes(role) ? "allow" : "forbidden";
      it(`${role} ${action} in their own scope: ${expected}`, () => {
        expect(decide(as(role), action, { workspaceId, orgId: orgA })).toBe(expected);
      });
    }
  }

  it("hides another workspace's resources from everyone", () => {
    for (const role of roles) {
      expect(decide(as(role), "ticket.read", { workspaceId: randomUUID(), orgId: orgA })).toBe(
        "not_found",
      );
    }
  });

  it("hides another organization's resources from customers but not from staff", () => {
    expect(decide(as("customer"), "ticket.read", { workspaceId, orgId: orgB })).toBe("not_found");
    expect(decide(as("customer"), "ticket.read", { workspaceId, orgId: null })).toBe("not_found");
    expect(decide(as("agent"), "ticket.read", { workspaceId, orgId: orgB })).toBe("allow");
  });

  it("gives a customer without an organization nothing", () => {
    const orphan = { ...as("customer"), orgId: null };
    expect(decide(orphan, "ticket.read", { workspaceId, orgId: null })).toBe("not_found");
  });
});
