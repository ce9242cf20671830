import { frame, ticketSubject, type RenderedMail } from "./layout.ts";
import { html, paragraphs } from "./html.ts";

/** What every ticket mail names: its number, subject and where to open it. */
export interface TicketRef {
  number: number;
  subject: string;
  url: string;
}

const open = (t: TicketRef) => ({ url: t.url, label: `Open ticket #${t.number}` });
const metricName = { first_response: "first response", resolution: "resolution" } as const;

// Each template renders a subject, a text part and an escaped HTML part. Customer-facing ones
// carry the reply marker; none takes internal-note text (no event carries it, and the mention
// template for a note is given no excerpt).
export const templates = {
  acknowledged: (d: { ticket: TicketRef; name: string }): RenderedMail =>
    frame({
      subject: ticketSubject(d.ticket.number, d.ticket.subject),
      heading: `We received your request #${d.ticket.number}`,
      text: `Hello ${d.name},\n\nThank you for contacting us. Your request “${d.ticket.subject}” has number #${d.ticket.number}; reply to this mail to add to it.`,
      body: html`<p>Hello ${d.name},</p>
        <p>
          Thank you for contacting us. Your request “${d.ticket.subject}” has number
          <strong>#${d.ticket.number}</strong>; reply to this mail to add to it.
        </p>`,
      link: open(d.ticket),
      replyable: true,
    }),

  agentReply: (d: { ticket: TicketRef; authorName: string; body: string }): RenderedMail =>
    frame({
      subject: ticketSubject(d.ticket.number, d.ticket.subject),
      heading: `${d.authorName} replied to #${d.ticket.number}`,
      text: d.body,
      body: paragraphs(d.body),
      link: open(d.ticket),
      replyable: true,
    }),

  statusChanged: (d: { ticket: TicketRef; status: string }): RenderedMail =>
    frame({
      subject: ticketSubject(d.ticket.number, d.ticket.subject),
      heading: `Request #${d.ticket.number} is now ${d.status}`,
      text: `The status of your request changed to ${d.status}.`,
      body: html`<p>The status of your request changed to <strong>${d.status}</strong>.</p>`,
      link: open(d.ticket),
      replyable: true,
    }),

  csatRequest: (d: { ticket: TicketRef; rateUrl: string }): RenderedMail =>
    frame({
      subject: ticketSubject(d.ticket.number, d.ticket.subject, "Resolved"),
      heading: `Request #${d.ticket.number} is resolved — how did we do?`,
      text: `We marked your request as resolved. Reply to this mail if it is not, or tell us how we did: ${d.rateUrl}`,
      body: html`<p>We marked your request as resolved. Reply to this mail if it is not.</p>
        <p><a href="${d.rateUrl}">Rate our support</a></p>`,
      link: open(d.ticket),
      replyable: true,
    }),

  mention: (d: { ticket: TicketRef; authorName: string; internal: boolean }): RenderedMail =>
    frame({
      subject: ticketSubject(d.ticket.number, d.ticket.subject, "You were mentioned"),
      heading: `${d.authorName} mentioned you on #${d.ticket.number}`,
      text: `${d.authorName} mentioned you in ${d.internal ? "an internal note" : "a reply"}. Open the ticket to read it.`,
      body: html`<p>
        ${d.authorName} mentioned you in ${d.internal ? "an internal note" : "a reply"}. Open the
        ticket to read it.
      </p>`,
      link: open(d.ticket),
    }),

  assignment: (d: { ticket: TicketRef; actorName: string | null }): RenderedMail =>
    frame({
      subject: ticketSubject(d.ticket.number, d.ticket.subject, "Assigned to you"),
      heading: `#${d.ticket.number} is assigned to you`,
      text: `${d.actorName ? `${d.actorName} assigned` : "Routing assigned"} ticket #${d.ticket.number} to you.`,
      body: html`<p>
        ${d.actorName ? `${d.actorName} assigned` : "Routing assigned"} ticket #${d.ticket.number}
        to you.
      </p>`,
      link: open(d.ticket),
    }),

  sla: (d: {
    ticket: TicketRef;
    breached: boolean;
    metric: keyof typeof metricName;
    dueAt: string;
  }): RenderedMail => {
    const what = `${metricName[d.metric]} ${d.breached ? "target missed" : "target due soon"}`;
    return frame({
      subject: ticketSubject(d.ticket.number, d.ticket.subject, `SLA ${what}`),
      heading: `#${d.ticket.number}: ${what}`,
      text: `The ${metricName[d.metric]} target ${d.breached ? "was" : "is"} due at ${d.dueAt}.`,
      body: html`<p>
        The ${metricName[d.metric]} target ${d.breached ? "was" : "is"} due at ${d.dueAt}.
      </p>`,
      link: open(d.ticket),
    });
  },

  customerReplied: (d: { ticket: TicketRef; name: string; body: string }): RenderedMail =>
    frame({
      subject: ticketSubject(d.ticket.number, d.ticket.subject, "Customer replied"),
      heading: `${d.name} replied to #${d.ticket.number}`,
      text: d.body,
      body: paragraphs(d.body),
      link: open(d.ticket),
    }),

  /** Any other staff notice: one line and a link. */
  notice: (d: { title: string; ticket: TicketRef | null; url: string }): RenderedMail =>
    frame({
      subject: d.ticket ? ticketSubject(d.ticket.number, d.ticket.subject) : d.title,
      heading: d.title,
      text: d.title,
      body: html`<p>${d.title}</p>`,
      link: d.ticket ? open(d.ticket) : { url: d.url, label: "Open Signpost" },
    }),

  invitation: (d: {
    workspaceName: string;
    invitedByName: string;
    acceptUrl: string;
    expiresAt: string;
  }): RenderedMail =>
    frame({
      subject: `${d.invitedByName} invited you to ${d.workspaceName} on Signpost`,
      heading: `Join ${d.workspaceName}`,
      text: `${d.invitedByName} invited you to join. The link works once and expires at ${d.expiresAt}.`,
      body: html`<p>
        ${d.invitedByName} invited you to join. The link works once and expires at ${d.expiresAt}.
      </p>`,
      link: { url: d.acceptUrl, label: "Accept the invitation" },
    }),

  passwordReset: (d: { name: string; resetUrl: string; expiresAt: string }): RenderedMail =>
    frame({
      subject: "Reset your Signpost password",
      heading: "Reset your password",
      text: `Hello ${d.name}, someone asked to reset your password. The link works once and expires at ${d.expiresAt}. If it was not you, ignore this mail.`,
      body: html`<p>
        Hello ${d.name}, someone asked to reset your password. The link works once and expires at
        ${d.expiresAt}. If it was not you, ignore this mail.
      </p>`,
      link: { url: d.resetUrl, label: "Choose a new password" },
    }),

  digest: (d: { items: { title: string; url: string }[]; url: string }): RenderedMail =>
    frame({
      subject: `Signpost digest: ${d.items.length} update${d.items.length === 1 ? "" : "s"}`,
      heading: "What happened while you were away",
      text: d.items.map((i) => `- ${i.title}\n  ${i.url}`).join("\n"),
      body: html`<ul>
        ${d.items.map((i) => html`<li><a href="${i.url}">${i.title}</a></li>`)}
      </ul>`,
      link: { url: d.url, label: "Open Signpost" },
    }),
};

export type TemplateName = keyof typeof templates;

/** Mails whose link is a single-use secret: nobody but the recipient may ever read them. */
export const secretTemplates: readonly string[] = ["invitation", "passwordReset"];
export const redactedBody = "(withheld: this mail carried a single-use link)";
