import type { TIdentity, TRole } from "@signpost/contracts";

/** What a resource looks like to the policy: whose workspace, which customer org, who asked for it. */
export interface ResourceScope {
  workspaceId: string;
  orgId: string | null;
  ownerId?: string | null;
}

export type Action =
  | "ticket.create"
  | "ticket.read"
  | "ticket.list"
  | "ticket.resolve"
  | "notification.read"
  | "kb.article.read"
  | "kb.article.write"
  | "kb.draft"
  | "identity.directory.read"
  | "identity.users.manage"
  | "identity.orgs.manage"
  | "identity.groups.manage"
  | "identity.tokens.manage"
  | "ticket.comment"
  | "ticket.note"
  | "ticket.update"
  | "ticket.audit.read"
  | "ticket.configure"
  | "ticket.csat"
  | "ticket.macro.use"
  | "ticket.views"
  | "ticket.attachment.read"
  | "kb.article.feedback"
  | "kb.article.link"
  | "kb.article.stats"
  | "kb.gaps.read"
  | "notification.preferences"
  | "notification.mail.admin"
  | "notification.mail.inbound"
  | "notification.webhooks.manage"
  | "notification.presence"
  | "sla.manage"
  | "sla.read"
  | "sla.report"
  | "ticket.report";

/**
 * Roles allowed each action. Anything not listed is denied. Customers are additionally confined to
 * their own organization by `can`.
 */
const grants: Record<Action, readonly TRole[]> = {
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
  // Who is on a ticket's page: staff who work tickets, never customers.
  "notification.presence": ["agent", "admin"],
  "sla.manage": ["admin"],
  "sla.read": ["agent", "admin"],
  "sla.report": ["admin"],
  "ticket.report": ["admin"],
};

export type Decision = "allow" | "forbidden" | "not_found";

/**
 * Decides whether `who` may do `action` on a resource. Another workspace's or (for customers)
 * another organization's resource is `not_found`, so its existence never leaks; a visible resource
 * with a role that may not act is `forbidden`.
 *
 * @example
 * decide(customer, "ticket.read", { workspaceId, orgId: otherOrg }) // "not_found"
 */
export function decide(who: TIdentity, action: Action, resource?: ResourceScope): Decision {
  if (resource) {
    if (resource.workspaceId !== who.workspaceId) return "not_found";
    const staff = who.roles.some((r) => r !== "customer");
    if (!staff && (who.orgId === null || resource.orgId !== who.orgId)) return "not_found";
  }
  return who.roles.some((r) => grants[action].includes(r)) ? "allow" : "forbidden";
}
