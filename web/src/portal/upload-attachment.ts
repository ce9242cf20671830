import type { TAttachment } from "@signpost/contracts";
import { writeHeaders } from "../trpc.ts";
import { UserFacingError } from "../ui/errors.ts";

/** Largest file the portal offers to send; the ticket service enforces its own limit too. */
export const maxAttachmentBytes = 10 * 1024 * 1024;
export const maxAttachments = 5;
/** What the ticket service accepts (it checks each file's first bytes as well). */
export const acceptedTypes =
  ".png,.jpg,.jpeg,.gif,.webp,.pdf,.zip,.docx,.xlsx,.txt,.csv,.json,image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,text/csv,application/json";

/**
 * Streams one file to `POST /api/ticket/attachments` (outside tRPC so the bytes are not JSON);
 * the attachment stays pending until a comment takes its id.
 */
export async function uploadAttachment(ticketId: string, file: File): Promise<TAttachment> {
  const query = new URLSearchParams({ ticketId, filename: file.name });
  const res = await fetch(`/api/ticket/attachments?${query.toString()}`, {
    method: "POST",
    credentials: "include",
    headers: { "content-type": file.type || "application/octet-stream", ...writeHeaders() },
    body: file,
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new UserFacingError(
      `${file.name}: ${body?.error?.message ?? `upload failed (${res.status})`}`,
    );
  }
  return (await res.json()) as TAttachment;
}

/** Uploads the files one after another (a failure stops the rest) and returns their ids. */
export async function uploadAll(ticketId: string, files: File[]): Promise<string[]> {
  const ids: string[] = [];
  for (const f of files) ids.push((await uploadAttachment(ticketId, f)).id);
  return ids;
}
