import { createHash } from "node:crypto";
import type { TDigest } from "@signpost/contracts";
import type { Db, Sql } from "@signpost/db";
import { PermanentJobError, type JobHandler } from "@signpost/queue";
import { z } from "zod";
import type { Person } from "../directory/person.ts";
import { queueMail, type MailSetup } from "./queue-mail.ts";
import { templates } from "./templates.ts";

const periodMs = { hourly: 3_600_000, daily: 86_400_000 } as const;

/** Opens (or joins) the person's digest for the current period; returns its key. */
export async function scheduleDigest(
  tx: Sql,
  p: Person,
  digest: Exclude<TDigest, "off">,
): Promise<string> {
  const period = periodMs[digest];
  const due = new Date(Math.floor(Date.now() / period) * period + period);
  const key = `${p.userId}:${digest}:${due.toISOString()}`;
  await tx.query(
    `insert into notification.digests (key, workspace_id, user_id, due_at) values ($1, $2, $3, $4)
     on conflict do nothing`,
    [key, p.workspaceId, p.userId, due.toISOString()],
  );
  return key;
}

export const digestSource = {
  async pending(sql: Sql, limit: number) {
    const { rows } = await sql.query<{ key: string; due_ms: number }>(
      `select key, greatest(0, extract(epoch from due_at - now()) * 1000)::float8 as due_ms
         from notification.digests where scheduled_at is null limit $1`,
      [limit],
      { prepare: true },
    );
    return rows.map((r) => ({ id: r.key, jobId: hashKey(r.key), delayMs: Math.round(r.due_ms) }));
  },
  async markEnqueued(sql: Sql, keys: string[]) {
    await sql.query(
      `update notification.digests set scheduled_at = now() where key = any($1::text[])`,
      [keys],
    );
  },
};

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex").slice(0, 32);

/** Turns a person's held mails of one period into one digest mail, once. */
export function sendDigestJob(deps: { db: Db; mail: MailSetup }): JobHandler {
  return async (job) => {
    const parsed = z.object({ id: z.string() }).safeParse(job.data);
    if (!parsed.success) throw new PermanentJobError(`bad digest job ${job.id}`);
    const key = parsed.data.id;
    await deps.db.transaction(async (tx) => {
      const { rows: digests } = await tx.query<{ workspace_id: string; user_id: string }>(
        `update notification.digests set sent_at = now()
          where key = $1 and sent_at is null returning workspace_id, user_id`,
        [key],
      );
      const d = digests[0];
      if (!d) return;
      const { rows: held } = await tx.query<{
        subject: string;
        ticket_id: string | null;
        recipient_email: string;
      }>(
        `update notification.mail_messages set status = 'digested'
          where digest_key = $1 and status = 'held'
          returning subject, ticket_id, recipient_email`,
        [key],
      );
      const first = held[0];
      if (!first) return;
      const url = deps.mail.publicUrl;
      const rendered = templates.digest({
        items: held.map((h) => ({
          title: h.subject,
          url: h.ticket_id ? `${url}/tickets/${h.ticket_id}` : url,
        })),
        url,
      });
      // A stable id per digest: the ledger makes a re-run of this job queue nothing new.
      const eventId = uuidFrom(key);
      await queueMail(tx, deps.mail, {
        workspaceId: d.workspace_id,
        eventId,
        to: { email: first.recipient_email, userId: d.user_id },
        template: "digest",
        rendered,
        ticket: null,
      });
    });
  };
}

function uuidFrom(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
