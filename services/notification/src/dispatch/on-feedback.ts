import type { EventOf } from "@signpost/contracts";
import type { Sql } from "@signpost/db";
import { person, ticketWorkers, withRole } from "../directory/recipients.ts";
import { templates } from "../mail-out/templates.ts";
import { deliver, type DispatchDeps } from "./deliver.ts";
import { refOf, scopeOf } from "./ticket-scope.ts";

/** A CSAT rating reaches whoever worked the ticket. */
export async function onCsat(tx: Sql, deps: DispatchDeps, event: EventOf<"csat.submitted">) {
  const p = event.payload;
  const ref = refOf(deps, p);
  const title = `#${p.number} was rated ${p.rating}/5: ${p.subject}`;
  await deliver(tx, deps, event, {
    recipients: await ticketWorkers(tx, event.workspaceId, p),
    ticket: scopeOf(p),
    internal: true,
    notice: {
      kind: "csat.received",
      title,
      body: p.comment,
      mail: () => ({
        template: "notice",
        rendered: templates.notice({ title, ticket: ref, url: ref.url }),
      }),
      digestible: true,
    },
  });
}

/** A reader's verdict on an article reaches its last editor (every KB editor when unknown). */
export async function onArticleFeedback(
  tx: Sql,
  deps: DispatchDeps,
  event: EventOf<"kb.article.feedback">,
) {
  const p = event.payload;
  const editor = await person(tx, event.workspaceId, p.editorId);
  const recipients = editor ? [editor] : await withRole(tx, event.workspaceId, "kb_editor");
  const title = `“${p.title}” was marked ${p.helpful ? "helpful" : "not helpful"}`;
  const url = `${deps.mail.publicUrl}/kb/articles/${p.articleId}`;
  await deliver(tx, deps, event, {
    recipients,
    ticket: null,
    internal: true,
    notice: {
      kind: "article.feedback",
      title,
      body: p.comment,
      mail: () => ({
        template: "notice",
        rendered: templates.notice({ title, ticket: null, url }),
      }),
      digestible: true,
    },
  });
}
