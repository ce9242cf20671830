import type { ParsedMail } from "mailparser";
import { isOurMessageId } from "../mail-out/threading.ts";

export type NoiseReason = "auto_reply" | "bounce" | "own_mail";

const header = (m: ParsedMail, name: string) => {
  const v = m.headers.get(name);
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  // Structured headers (content-type) keep their main value and parameters apart.
  if (typeof v === "object" && "value" in v) {
    const params = "params" in v ? Object.entries(v.params as Record<string, string>) : [];
    return [
      typeof v.value === "string" ? v.value : JSON.stringify(v.value),
      ...params.map(([k, p]) => `${k}=${p}`),
    ].join("; ");
  }
  return JSON.stringify(v);
};

/**
 * Why a mail must not become a ticket or comment: an auto-reply (RFC 3834 Auto-Submitted, bulk or
 * list precedence, the usual vendor flags), a bounce (a delivery report or a mailer daemon), or a
 * mail of ours coming back. Null when a person wrote it.
 */
export function noiseReason(m: ParsedMail): NoiseReason | null {
  const messageId = m.messageId ?? "";
  if (isOurMessageId(messageId) || m.headers.has("x-signpost-mail-id")) return "own_mail";
  const from = (m.from?.value[0]?.address ?? "").toLowerCase();
  const contentType = header(m, "content-type").toLowerCase();
  if (
    /^(mailer-daemon|postmaster)@/.test(from) ||
    contentType.includes("report-type=delivery-status") ||
    m.headers.has("x-failed-recipients") ||
    header(m, "return-path").trim() === "<>"
  ) {
    return "bounce";
  }
  const autoSubmitted = header(m, "auto-submitted").trim().toLowerCase();
  const precedence = header(m, "precedence").trim().toLowerCase();
  if (
    (autoSubmitted !== "" && autoSubmitted !== "no") ||
    ["bulk", "junk", "list", "auto_reply"].includes(precedence) ||
    m.headers.has("x-autoreply") ||
    m.headers.has("x-autorespond") ||
    header(m, "x-auto-response-suppress").toLowerCase().includes("all")
  ) {
    return "auto_reply";
  }
  return null;
}
