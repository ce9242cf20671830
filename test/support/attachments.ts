/**
 * Uploads a file through the gateway the way the browser does: the raw body to
 * `POST /api/ticket/attachments`, signed in by cookie with the CSRF token. Returns the response
 * so a test can check a refusal as well as a success.
 */
export function uploadAttachment(
  gatewayUrl: string,
  session: { cookie: string; csrf: string },
  file: { ticketId: string; filename: string; type: string; body: Buffer },
): Promise<Response> {
  const query = new URLSearchParams({ ticketId: file.ticketId, filename: file.filename });
  return fetch(`${gatewayUrl}/api/ticket/attachments?${query.toString()}`, {
    method: "POST",
    headers: { cookie: session.cookie, "x-csrf-token": session.csrf, "content-type": file.type },
    body: file.body,
  });
}
