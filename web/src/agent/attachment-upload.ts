import type { TAttachment } from "@signpost/contracts";

/** A refused upload, with the service's own sentence (type not allowed, too large, ...). */
export class UploadError extends Error {}

/**
 * Streams one file to the ticket service (outside tRPC, so the bytes are not JSON-encoded). The
 * upload stays the uploader's own until a comment of theirs on the ticket takes it.
 */
export async function uploadAttachment(
  ticketId: string,
  file: File,
  csrfToken: string,
): Promise<TAttachment> {
  const query = new URLSearchParams({ ticketId, filename: file.name });
  const res = await fetch(`/api/ticket/attachments?${query.toString()}`, {
    method: "POST",
    body: file,
    credentials: "include",
    headers: {
      "content-type": file.type || "application/octet-stream",
      "x-csrf-token": csrfToken,
    },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new UploadError(
      `${file.name}: ${body?.error?.message ?? `the upload failed (${res.status})`}`,
    );
  }
  return (await res.json()) as TAttachment;
}
