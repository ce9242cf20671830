import type { Db } from "@signpost/db";
import { PermanentJobError, type JobHandler, type Logger } from "@signpost/queue";
import { z } from "zod";
import { signPayload } from "./signature.ts";
import { webhookRepository } from "./webhook-repository.ts";

const ZJob = z.object({ id: z.uuid() });

/**
 * The webhook queue's job: POST the signed body, log the answer and latency, and on anything but
 * a 2xx throw for the queue's retry with backoff; after the last attempt the delivery is dead.
 */
export function deliverWebhookJob(deps: {
  db: Db;
  maxAttempts: number;
  timeoutMs?: number;
  logger: Logger;
}): JobHandler {
  return async (job) => {
    const parsed = ZJob.safeParse(job.data);
    if (!parsed.success) throw new PermanentJobError(`bad webhook job ${job.id}`);
    const d = await webhookRepository.claim(deps.db, parsed.data.id);
    if (!d) return;
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Signpost-Webhooks/1",
          "signpost-event-id": d.event_id,
          "signpost-event-type": d.event_type,
          "signpost-timestamp": String(timestamp),
          "signpost-signature": signPayload(d.secret, timestamp, d.body),
        },
        body: d.body,
        redirect: "manual",
        signal: AbortSignal.timeout(deps.timeoutMs ?? 10_000),
      });
      statusCode = res.status;
      await res.body?.cancel();
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const latencyMs = Math.round(performance.now() - started);
    const dead = error !== null && job.attempt >= deps.maxAttempts;
    await webhookRepository.recordAttempt(deps.db, {
      deliveryId: d.id,
      attempt: d.attempts,
      statusCode,
      latencyMs,
      error,
      outcome: error === null ? "delivered" : dead ? "dead" : "queued",
    });
    if (error !== null) {
      deps.logger.warn({ deliveryId: d.id, attempt: job.attempt, dead, error }, "webhook failed");
      throw new Error(`webhook delivery failed: ${error}`);
    }
  };
}
