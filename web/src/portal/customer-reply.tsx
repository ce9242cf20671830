import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TTicket } from "@signpost/contracts";
import { keys } from "../queries.ts";
import { api } from "../trpc.ts";
import { fieldErrors } from "../ui/errors.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { AttachmentPicker } from "./attachment-picker.tsx";
import { uploadAll } from "./upload-attachment.ts";

/** The customer's reply, with files; on a resolved ticket, replying reopens it. */
export function CustomerReply({ ticket }: { ticket: TTicket }) {
  const client = useQueryClient();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const done = ticket.status === "resolved" || ticket.status === "closed";
  const send = useMutation({
    mutationFn: async () => {
      const attachmentIds = await uploadAll(ticket.id, files);
      return api.ticket.comments.add.mutate({ ticketId: ticket.id, body: text, attachmentIds });
    },
    onSuccess: () => {
      setText("");
      setFiles([]);
      void client.invalidateQueries({ queryKey: keys.comments(ticket.id) });
      void client.invalidateQueries({ queryKey: keys.ticket(ticket.id) });
      void client.invalidateQueries({ queryKey: keys.tickets });
    },
  });
  const error = fieldErrors(send.error).body;
  if (ticket.status === "closed")
    return <p className="muted">This ticket is closed. Open a new ticket if you need more help.</p>;
  return (
    <form
      className="card stack"
      aria-label="Reply"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) send.mutate();
      }}
    >
      <div className="field">
        <label htmlFor="reply-text">{done ? "Reply to reopen this ticket" : "Your reply"}</label>
        <textarea
          id="reply-text"
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        {error && <span className="field-error">{error}</span>}
      </div>
      <AttachmentPicker files={files} onChange={setFiles} disabled={send.isPending} />
      {send.isError && !error && <ErrorNotice error={send.error} />}
      <div>
        <button type="submit" className="button-primary" disabled={!text.trim() || send.isPending}>
          {send.isPending ? "Sending…" : done ? "Reply and reopen" : "Send reply"}
        </button>
      </div>
    </form>
  );
}
