import type { Sql } from "@signpost/db";

export interface MailRow {
  id: string;
  workspace_id: string;
  event_id: string;
  recipient_email: string;
  recipient_id: string | null;
  template: string;
  ticket_id: string | null;
  ticket_number: number | null;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  in_reply_to: string | null;
  refs: string[];
  status: "queued" | "held" | "digested" | "sending" | "sent" | "captured" | "dead";
  digest_key: string | null;
  attempts: number;
  last_error: string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
}

export type NewMail = Pick<
  MailRow,
  | "id"
  | "workspace_id"
  | "event_id"
  | "recipient_email"
  | "recipient_id"
  | "template"
  | "ticket_id"
  | "ticket_number"
  | "subject"
  | "text_body"
  | "html_body"
  | "message_id"
  | "in_reply_to"
  | "refs"
  | "digest_key"
> & { status: "queued" | "held" };

/** A ticket's mail thread, as first recorded. */
export interface NewThread {
  workspaceId: string;
  ticketId: string;
  number: number;
  rootId: string;
  originId: string | null;
}

/** A mail taken for sending, with its workspace's sender settings. */
export type ClaimedMail = MailRow & {
  revision: number;
  settings: Pick<MailSettingsRow, "support_address" | "from_name">;
};

export interface MailSettingsRow {
  support_address: string | null;
  from_name: string | null;
  unknown_senders: "accept" | "refuse";
}

// Shorter than the queue's 30-second job lock: when a sender dies mid-send, the queue hands its
// job to another worker after the lock, and by then the mail's lease has run out and it can be
// claimed again.
const leaseSeconds = 25;
// Longer than the longest backoff before a mail's next try (2 s doubling over 8 tries: 256 s).
const lostJobSeconds = 15 * 60;

/**
 * The columns a queued mail is written with, and their types. Mails travel to the insert as one
 * JSON document rather than a column array each (`refs` is an array per mail), and
 * `jsonb_to_recordset` reads a column whose key is missing as null and ignores keys it was not
 * told of: one list, checked against `NewMail` both ways, keeps a renamed field from vanishing.
 */
const mailColumnTypes = {
  id: "uuid",
  workspace_id: "uuid",
  event_id: "uuid",
  recipient_email: "text",
  recipient_id: "uuid",
  template: "text",
  ticket_id: "uuid",
  ticket_number: "int",
  subject: "text",
  text_body: "text",
  html_body: "text",
  message_id: "text",
  in_reply_to: "text",
  refs: "text[]",
  status: "text",
  digest_key: "text",
} as const satisfies Record<keyof NewMail, string>;
const mailColumns = Object.keys(mailColumnTypes);
// Addresses are kept in lower case: the ledger's (event, address) must not differ by case.
const insertMails = `insert into notification.mail_messages (${mailColumns.join(", ")})
  select ${mailColumns.map((c) => (c === "recipient_email" ? `lower(${c})` : c)).join(", ")}
    from jsonb_to_recordset($1::jsonb) as m(${Object.entries(mailColumnTypes)
      .map(([c, t]) => `${c} ${t}`)
      .join(", ")})
  on conflict do nothing`;

/** The only code that reads and writes the mail tables. */
export const mailRepository = {
  /**
   * Records each ticket's thread once (one item per ticket); returns every thread's root and the
   * customer's original Message-ID, by ticket. A thread already recorded keeps its root and gains
   * an original Message-ID it did not have.
   */
  async threads(
    tx: Sql,
    ts: readonly NewThread[],
  ): Promise<Map<string, { root_id: string; origin_id: string | null }>> {
    const { rows } = await tx.query<{
      ticket_id: string;
      root_id: string;
      origin_id: string | null;
    }>(
      `insert into notification.mail_threads as t
         (workspace_id, ticket_id, ticket_number, root_id, origin_id)
       select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[])
       on conflict (ticket_id) do update set origin_id = coalesce(t.origin_id, excluded.origin_id)
       returning ticket_id, root_id, origin_id`,
      [
        ts.map((t) => t.workspaceId),
        ts.map((t) => t.ticketId),
        ts.map((t) => t.number),
        ts.map((t) => t.rootId),
        ts.map((t) => t.originId),
      ],
      { prepare: true },
    );
    return new Map(rows.map((r) => [r.ticket_id, { root_id: r.root_id, origin_id: r.origin_id }]));
  },

  /**
   * Queues mails, in one statement, but none that the ledger already holds (the same event to
   * the same address); returns how many were queued.
   */
  async insert(tx: Sql, ms: readonly NewMail[]): Promise<number> {
    const { rowCount } = await tx.query(insertMails, [JSON.stringify(ms)], { prepare: true });
    return rowCount;
  },

  /**
   * Takes mails for sending: only queued ones, or ones whose sender died mid-send. A mail already
   * sent is never taken again, so a redelivered job sends nothing. Each comes with its workspace's
   * sender settings, read in the same statement (every mail sent needs them, and a round trip per
   * mail was a tenth of a busy sender's queries).
   */
  async claim(sql: Sql, ids: readonly string[]): Promise<ClaimedMail[]> {
    const { rows } = await sql.query<
      MailRow & {
        revision: number;
        settings_support_address: string | null;
        settings_from_name: string | null;
      }
    >(
      `update notification.mail_messages m
          set status = 'sending', attempts = attempts + 1,
              claimed_until = now() + make_interval(secs => ${leaseSeconds})
        where id = any($1::uuid[])
          and (status = 'queued' or (status = 'sending' and claimed_until < now()))
        returning m.*,
          (select support_address from notification.mail_settings s
            where s.workspace_id = m.workspace_id) as settings_support_address,
          (select from_name from notification.mail_settings s
            where s.workspace_id = m.workspace_id) as settings_from_name`,
      [ids],
    );
    return rows.map(({ settings_support_address, settings_from_name, ...row }) => ({
      ...row,
      settings: { support_address: settings_support_address, from_name: settings_from_name },
    }));
  },

  /** Of `ids`, those someone holds for sending (alive, or dead with the lease not yet out). */
  async held(
    sql: Sql,
    ids: readonly string[],
  ): Promise<{ id: string; revision: number; attempts: number; lease_left_ms: number }[]> {
    const { rows } = await sql.query<{
      id: string;
      revision: number;
      attempts: number;
      lease_left_ms: number;
    }>(
      `select id, revision, attempts,
              greatest(0, extract(epoch from claimed_until - now()) * 1000)::float8 as lease_left_ms
         from notification.mail_messages
        where id = any($1::uuid[]) and status = 'sending'`,
      [ids],
    );
    return rows;
  },

  /**
   * Records sends, in one statement; a mail's `redacted` text replaces its bodies when its link
   * was a secret.
   */
  async markSent(
    sql: Sql,
    sent: readonly { id: string; status: "sent" | "captured"; redacted: string | null }[],
  ): Promise<void> {
    if (sent.length === 0) return;
    await sql.query(
      `update notification.mail_messages m
          set status = d.status, sent_at = now(), claimed_until = null, last_error = null,
              text_body = coalesce(d.redacted, m.text_body),
              html_body = coalesce(d.redacted, m.html_body)
         from unnest($1::uuid[], $2::text[], $3::text[]) as d(id, status, redacted)
        where m.id = d.id`,
      [sent.map((m) => m.id), sent.map((m) => m.status), sent.map((m) => m.redacted)],
      { prepare: true },
    );
  },

  /**
   * Records mails as captured for the development mailbox (no SMTP server), in one statement:
   * with nothing sent anywhere there is no send to guard with a claim, so claiming and recording
   * are one write. Takes the mails a claim would take; redacts those of `secret` templates.
   */
  async capture(
    sql: Sql,
    ids: readonly string[],
    secret: { templates: readonly string[]; redacted: string },
  ): Promise<void> {
    await sql.query(
      `update notification.mail_messages
          set status = 'captured', attempts = attempts + 1, sent_at = now(),
              claimed_until = null, last_error = null,
              text_body = case when template = any($2::text[]) then $3 else text_body end,
              html_body = case when template = any($2::text[]) then $3 else html_body end
        where id = any($1::uuid[])
          and (status = 'queued' or (status = 'sending' and claimed_until < now()))`,
      [ids, secret.templates, secret.redacted],
      { prepare: true },
    );
  },

  /**
   * A failed try: back to the queue for the next retry (just queued again, as far as the lost-job
   * sweep is concerned: the `mail_queue` trigger sees to that), or dead after the last. Only the
   * claim that failed is touched: once its lease ran out another sender may hold the mail.
   */
  async markFailed(
    sql: Sql,
    claim: { id: string; attempts: number },
    error: string,
    dead: boolean,
  ): Promise<void> {
    await sql.query(
      `update notification.mail_messages
          set status = $3, last_error = $2, claimed_until = null
        where id = $1 and status = 'sending' and attempts = $4`,
      [claim.id, error.slice(0, 1000), dead ? "dead" : "queued", claim.attempts],
    );
  },

  async list(
    sql: Sql,
    workspaceId: string,
    opts: { status?: MailRow["status"]; limit: number },
  ): Promise<MailRow[]> {
    const { rows } = await sql.query<MailRow>(
      `select * from notification.mail_messages
        where workspace_id = $1 and ($2::text is null or status = $2)
        order by created_at desc limit $3`,
      [workspaceId, opts.status ?? null, opts.limit],
    );
    return rows;
  },

  /**
   * Puts a dead mail back in the queue (an admin's retry), where the relay takes it as new (the
   * `mail_queue` trigger gives it a row again); false when it is not dead.
   */
  async revive(sql: Sql, workspaceId: string, id: string): Promise<boolean> {
    const { rowCount } = await sql.query(
      `update notification.mail_messages
          set status = 'queued', attempts = 0, last_error = null, revision = revision + 1
        where workspace_id = $1 and id = $2 and status = 'dead'`,
      [workspaceId, id],
    );
    return rowCount > 0;
  },

  /** The ticket a reply belongs to, from Message-IDs it names (ours only, this workspace only). */
  async ticketNumberFor(sql: Sql, workspaceId: string, ids: string[]): Promise<number | null> {
    if (ids.length === 0) return null;
    const { rows } = await sql.query<{ n: number }>(
      `select ticket_number as n from notification.mail_threads
        where workspace_id = $1 and (root_id = any($2::text[]) or origin_id = any($2::text[]))
       union all
       select ticket_number as n from notification.mail_messages
        where workspace_id = $1 and message_id = any($2::text[]) and ticket_number is not null
       limit 1`,
      [workspaceId, ids],
    );
    return rows[0]?.n ?? null;
  },

  async settings(sql: Sql, workspaceId: string): Promise<MailSettingsRow> {
    const { rows } = await sql.query<MailSettingsRow>(
      `select support_address, from_name, unknown_senders
         from notification.mail_settings where workspace_id = $1`,
      [workspaceId],
    );
    return rows[0] ?? { support_address: null, from_name: null, unknown_senders: "accept" };
  },

  async saveSettings(sql: Sql, workspaceId: string, s: MailSettingsRow): Promise<void> {
    await sql.query(
      `insert into notification.mail_settings
         (workspace_id, support_address, from_name, unknown_senders)
       values ($1, $2, $3, $4)
       on conflict (workspace_id) do update
         set support_address = excluded.support_address, from_name = excluded.from_name,
             unknown_senders = excluded.unknown_senders`,
      [workspaceId, s.support_address, s.from_name, s.unknown_senders],
    );
  },

  async workspaceOfAddress(sql: Sql, address: string): Promise<string | null> {
    const { rows } = await sql.query<{ workspace_id: string }>(
      `select workspace_id from notification.mail_settings where support_address = lower($1)`,
      [address],
    );
    return rows[0]?.workspace_id ?? null;
  },

  /**
   * Queued mails not yet on the mail queue; the job id changes with each admin retry. Also mails
   * whose job was lost (a queue emptied without persistence, a consumer of an older version that
   * could not read it): queued long after they were put on the queue (longer than any backoff
   * between tries), or held by a sender whose lease ran out long ago. They go again under a new
   * job id; a mail in two jobs is still sent once. All of them are in `mail_queue`, which holds
   * the mails queued or being sent, and only those.
   */
  async pendingToEnqueue(sql: Sql, limit: number): Promise<{ id: string; jobId: string }[]> {
    const { rows } = await sql.query<{ id: string; job_id: string }>(
      `(select m.id, m.id::text || '.' || m.revision as job_id
          from notification.mail_queue q join notification.mail_messages m on m.id = q.mail_id
         where q.enqueued_at is null and m.status = 'queued' order by q.created_at limit $1)
       union all
       (select m.id,
               m.id::text || '.' || m.revision || '.again.' ||
                 (extract(epoch from q.enqueued_at) * 1000)::bigint as job_id
          from notification.mail_queue q join notification.mail_messages m on m.id = q.mail_id
         where q.enqueued_at < now() - make_interval(secs => ${lostJobSeconds})
           and m.status = 'queued'
         order by q.enqueued_at limit $1)
       union all
       (select m.id,
               m.id::text || '.' || m.revision || '.again.' ||
                 (extract(epoch from m.claimed_until) * 1000)::bigint as job_id
          from notification.mail_queue q join notification.mail_messages m on m.id = q.mail_id
         where m.status = 'sending'
           and m.claimed_until < now() - make_interval(secs => ${lostJobSeconds})
         limit $1)
       limit $1`,
      [limit],
      { prepare: true },
    );
    return rows.map((r) => ({ id: r.id, jobId: r.job_id }));
  },

  async markEnqueued(sql: Sql, ids: string[]): Promise<void> {
    // In id order, so two relay passes (replicas) marking the same rows cannot deadlock.
    await sql.query(
      `update notification.mail_queue set enqueued_at = now() where mail_id = any($1::uuid[])`,
      [[...ids].sort()],
      { prepare: true },
    );
  },
};
