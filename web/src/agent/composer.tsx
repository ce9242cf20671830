import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { TAttachment, TDraftReply } from "@signpost/contracts";
import { keys, peopleQuery } from "../queries.ts";
import { useSignedIn } from "../session.ts";
import { api } from "../trpc.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { AttachmentPicker } from "./attachment-picker.tsx";
import { citedNumbers } from "./draft-panel.tsx";
import { handleOf, useMentions } from "./mention-picker.tsx";
import { activeStaff } from "./options.ts";

/** A reply and a note are written apart: switching between them never carries text across. */
export interface ComposerState {
  mode: "public" | "internal";
  reply: string;
  note: string;
  /** The AI draft the reply started from, to record which of its sources were kept. */
  draft: TDraftReply | null;
}

export const emptyComposer: ComposerState = { mode: "public", reply: "", note: "", draft: null };

/**
 * Reply to the customer or leave an internal note (Ctrl+Enter sends), with attached files and
 * @mentions of staff. A note is visibly a note while it is written, so it is never sent to the
 * customer by mistake.
 */
export function Composer({
  ticketId,
  state,
  onChange,
  textRef,
}: {
  ticketId: string;
  state: ComposerState;
  onChange: (next: ComposerState) => void;
  textRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const client = useQueryClient();
  const me = useSignedIn();
  const people = useQuery(peopleQuery());
  const [files, setFiles] = useState<TAttachment[]>([]);
  const [mentioned, setMentioned] = useState<ReadonlySet<string>>(new Set());
  const note = state.mode === "internal";
  const text = note ? state.note : state.reply;
  const setText = (value: string) =>
    onChange(note ? { ...state, note: value } : { ...state, reply: value });
  const staff = activeStaff(people.data);
  // Where the caret goes once a picked mention is in the text. Placed in the same commit as the
  // text (not a frame later), so keys typed right after the pick land after the mention.
  const caretAfter = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfter.current;
    if (at === null) return;
    caretAfter.current = null;
    textRef.current?.setSelectionRange(at, at);
  }, [text, textRef]);
  const mentions = useMentions({
    id: "composer",
    text,
    staff,
    setText: (value, caret) => {
      caretAfter.current = caret;
      setText(value);
    },
    onPick: (u) => setMentioned(new Set([...mentioned, u.id])),
  });
  const send = useMutation({
    mutationFn: async (s: ComposerState) => {
      const body = s.mode === "internal" ? s.note : s.reply;
      // Picked people whose @handle is still in the text (the service also reads typed ones).
      const mentionedIds = staff
        .filter((u) => mentioned.has(u.id) && body.includes(`@${handleOf(u)}`))
        .map((u) => u.id);
      const comment = await api.ticket.comments.add.mutate({
        ticketId,
        body,
        visibility: s.mode,
        mentionedIds,
        attachmentIds: files.map((f) => f.id),
      });
      if (s.draft && s.mode === "public") {
        const cited = citedNumbers(body);
        await api.kb.drafts.recordUse
          .mutate({
            draftId: s.draft.draftId,
            usedSourceIds: s.draft.sources.filter((x) => cited.has(x.n)).map((x) => x.id),
          })
          .catch(() => undefined);
      }
      return comment;
    },
    onSuccess: (_comment, sent) => {
      setFiles([]);
      setMentioned(new Set());
      onChange(
        sent.mode === "internal" ? { ...state, note: "" } : { ...state, reply: "", draft: null },
      );
      void client.invalidateQueries({ queryKey: keys.comments(ticketId) });
      void client.invalidateQueries({ queryKey: keys.ticket(ticketId) });
      void client.invalidateQueries({ queryKey: keys.tickets });
    },
  });
  const submit = () => {
    if (text.trim() && !send.isPending) send.mutate(state);
  };
  return (
    <form
      className={`card stack composer ${note ? "composer-note" : ""}`}
      aria-label={note ? "Internal note" : "Reply"}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="composer-tabs" role="group" aria-label="Write">
        <button
          type="button"
          aria-pressed={!note}
          onClick={() => onChange({ ...state, mode: "public" })}
        >
          Reply to customer
        </button>
        <button
          type="button"
          aria-pressed={note}
          onClick={() => onChange({ ...state, mode: "internal" })}
        >
          Internal note
        </button>
      </div>
      <div className="field">
        <label htmlFor="composer-text">
          {note ? "Internal note (only staff will see this)" : "Reply (the customer will see this)"}
        </label>
        <textarea
          id="composer-text"
          ref={textRef}
          value={text}
          rows={6}
          {...mentions.inputProps}
          onChange={(e) => {
            setText(e.target.value);
            mentions.track(e.target);
          }}
          onKeyUp={(e) => mentions.track(e.currentTarget)}
          onClick={(e) => mentions.track(e.currentTarget)}
          onKeyDown={(e) => {
            if (mentions.onKeyDown(e)) return;
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              submit();
            }
          }}
        />
        {mentions.list}
      </div>
      <AttachmentPicker
        ticketId={ticketId}
        csrfToken={me.csrfToken}
        files={files}
        onChange={setFiles}
      />
      {send.isError && <ErrorNotice error={send.error} />}
      <div className="row">
        <button type="submit" className="button-primary" disabled={!text.trim() || send.isPending}>
          {send.isPending ? "Sending…" : note ? "Add note" : "Send reply"}
        </button>
        <span className="muted small">Ctrl+Enter sends · type @ to mention a colleague</span>
      </div>
    </form>
  );
}
