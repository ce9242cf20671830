import type { Db } from "@signpost/db";
import {
  PermanentJobError,
  retryDelayMs,
  type Job,
  type JobHandler,
  type Logger,
  type Transport,
} from "@signpost/queue";
import { heldJob, retryJob, ZMailJob } from "./mail-jobs.ts";
import { mailRepository, type ClaimedMail } from "./mail-repository.ts";
import type { Mailer } from "./mailer.ts";
import { redactedBody, secretTemplates } from "./templates.ts";

/** Mails of one job sent at once (SMTP connections a sender opens together). */
const sendsAtOnce = 4;

/**
 * The mail queue's job: claim its mails (a sent one is never claimed again, so a redelivered job
 * sends nothing), send them, record the outcomes, four mails at a time. A mail the server refused
 * goes back on the queue alone, after a backoff that doubles with each attempt; after the last
 * attempt it is dead and shows in the admins' dead-letter list. A mail held by another sender
 * (which may have died mid-send) is looked at again once its lease is out, rather than left
 * unsent for ever. With no SMTP server configured, a job's mails are captured for the
 * development mailbox in one write.
 */
export function sendMailJob(deps: {
  db: Db;
  transport: Transport;
  queue: string;
  mailer: Mailer;
  defaultFrom: string;
  maxAttempts: number;
  backoffMs: number;
  logger: Logger;
}): JobHandler {
  const { db, mailer, logger } = deps;

  /** The error the server answered with, or null once it has the mail. */
  async function send(row: ClaimedMail): Promise<string | null> {
    const { settings } = row;
    const address = settings.support_address ?? deps.defaultFrom;
    const name = (settings.from_name ?? "Support").replace(/["\\\r\n]/g, "");
    try {
      await mailer.send({
        id: row.id,
        from: `"${name}" <${address}>`,
        replyTo: settings.support_address,
        to: row.recipient_email,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: row.message_id,
        inReplyTo: row.in_reply_to,
        references: row.refs,
      });
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * Claims, sends and records one wave of a job's mails. Each wave claims its own mails just
   * before sending them, so a slow server delays the next wave's leases rather than using them up.
   */
  async function wave(ids: string[]): Promise<void> {
    const claimed = await mailRepository.claim(db, ids);
    const outcomes = await Promise.all(
      claimed.map(async (row) => ({ row, error: await send(row) })),
    );
    // A single-use link is not kept once it went out (nor shown in the development mailbox).
    await recordSent(() =>
      mailRepository.markSent(
        db,
        outcomes
          .filter((o) => o.error === null)
          .map(({ row }) => ({
            id: row.id,
            status: mailer.kind === "smtp" ? "sent" : "captured",
            redacted: secretTemplates.includes(row.template) ? redactedBody : null,
          })),
      ),
    );
    const refused = outcomes.flatMap(({ row, error }) =>
      error === null ? [] : [{ row, error, dead: row.attempts >= deps.maxAttempts }],
    );
    const again: (Job & { delayMs: number })[] = refused
      .filter((r) => !r.dead)
      .map(({ row }) => ({
        ...retryJob(row),
        delayMs: retryDelayMs(deps.backoffMs, row.attempts),
      }));
    if (claimed.length < ids.length) {
      const taken = new Set(claimed.map((r) => r.id));
      const held = await mailRepository.held(
        db,
        ids.filter((id) => !taken.has(id)),
      );
      again.push(...held.map((row) => ({ ...heldJob(row), delayMs: row.lease_left_ms + 1_000 })));
    }
    // The next tries are queued before the refusals are recorded: a crash in between leaves a
    // refused mail held until its lease is out, and its next try then finds it free. The other
    // order would leave it queued but marked as enqueued, which nothing takes again.
    await deps.transport.enqueueMany(deps.queue, again);
    for (const { row, error, dead } of refused) {
      await mailRepository.markFailed(db, row, error, dead);
      logger.warn({ mailId: row.id, attempt: row.attempts, dead, err: error }, "mail not sent");
    }
  }

  return async (job) => {
    const parsed = ZMailJob.safeParse(job.data);
    if (!parsed.success) throw new PermanentJobError(`bad mail job ${job.id}`);
    const ids = "ids" in parsed.data ? parsed.data.ids : [parsed.data.id];
    if (mailer.kind === "capture") {
      return mailRepository.capture(db, ids, {
        templates: secretTemplates,
        redacted: redactedBody,
      });
    }
    for (let i = 0; i < ids.length; i += sendsAtOnce) await wave(ids.slice(i, i + sendsAtOnce));
  };
}

/**
 * The server has the mail: failing to record that now would send it again once the lease runs
 * out. A dropped database connection is the likely cause and the pool's next connection the
 * cure, so the (idempotent) record is tried a few times before the job gives up.
 */
async function recordSent(mark: () => Promise<void>, tries = 5): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await mark();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((r) => setTimeout(r, 200 * i));
    }
  }
}
