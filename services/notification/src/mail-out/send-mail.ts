import type { Db } from "@signpost/db";
import { PermanentJobError, type JobHandler, type Logger } from "@signpost/queue";
import { z } from "zod";
import { mailRepository } from "./mail-repository.ts";
import type { Mailer } from "./mailer.ts";
import { redactedBody, secretTemplates } from "./templates.ts";

const ZJob = z.object({ id: z.uuid() });

/**
 * The mail queue's job: claim the mail (a sent one is never claimed again, so a redelivered job
 * sends nothing), send it, record the outcome. A failure is thrown for the queue's retry with
 * backoff; after the last attempt the mail is dead and shows in the admins' dead-letter list.
 */
export function sendMailJob(deps: {
  db: Db;
  mailer: Mailer;
  defaultFrom: string;
  maxAttempts: number;
  logger: Logger;
}): JobHandler {
  return async (job) => {
    const parsed = ZJob.safeParse(job.data);
    if (!parsed.success) throw new PermanentJobError(`bad mail job ${job.id}`);
    const row = await mailRepository.claim(deps.db, parsed.data.id);
    if (!row) {
      // Held by a sender that may have died mid-send (its job is redelivered to us): retry after
      // a backoff, when its lease has run out, rather than finish and leave it unsent for ever.
      if (await mailRepository.isSending(deps.db, parsed.data.id))
        throw new Error(`mail ${parsed.data.id} is being sent elsewhere; will retry`);
      return;
    }
    const { settings } = row;
    const address = settings.support_address ?? deps.defaultFrom;
    const name = (settings.from_name ?? "Support").replace(/["\\\r\n]/g, "");
    try {
      await deps.mailer.send({
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
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const dead = job.attempt >= deps.maxAttempts;
      await mailRepository.markFailed(deps.db, row.id, message, dead);
      deps.logger.warn(
        { mailId: row.id, attempt: job.attempt, dead, err: message },
        "mail not sent",
      );
      throw error;
    }
    // A single-use link is not kept once it went out (nor shown in the development mailbox).
    await recordSent(() =>
      mailRepository.markSent(
        deps.db,
        row.id,
        deps.mailer.kind === "smtp" ? "sent" : "captured",
        secretTemplates.includes(row.template) ? redactedBody : null,
      ),
    );
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
