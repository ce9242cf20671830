import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import type { TCreateTicketInput, TTicketPriority } from "@signpost/contracts";
import { keys } from "../queries.ts";
import { navigate } from "../router.tsx";
import { useTitle } from "../shell/use-title.ts";
import { api } from "../trpc.ts";
import { fieldErrors } from "../ui/errors.ts";
import { categories, categoryLabel, priorities, priorityLabels } from "../ui/format.ts";
import { ErrorNotice } from "../ui/states.tsx";
import { AttachmentPicker } from "./attachment-picker.tsx";
import { SuggestionPanel } from "./suggestion-panel.tsx";
import { TemplatePicker } from "./template-picker.tsx";
import { uploadAll } from "./upload-attachment.ts";

/** The ticket form, with answers from the KB appearing beside it while the customer types. */
export function NewTicket() {
  useTitle("New ticket");
  const client = useQueryClient();
  const [subject, setSubject] = useState("");
  const [description, setDescription] = useState("");
  const [category, setCategory] = useState("general");
  const [priority, setPriority] = useState<TTicketPriority>("medium");
  const [files, setFiles] = useState<File[]>([]);
  const subjectField = useRef<HTMLInputElement>(null);
  const suggestions = useRef<HTMLOListElement>(null);
  const create = useMutation({
    mutationFn: async (input: TCreateTicketInput) => {
      const ticket = await api.ticket.tickets.create.mutate(input);
      // Files need the ticket to exist; they arrive as the customer's first comment. A failed
      // upload must not lose the ticket: the ticket page says which file to send again.
      let attachError = "";
      if (files.length)
        await uploadAll(ticket.id, files)
          .then((attachmentIds) =>
            api.ticket.comments.add.mutate({
              ticketId: ticket.id,
              body: `Attached: ${files.map((f) => f.name).join(", ")}`,
              attachmentIds,
            }),
          )
          .catch((e: unknown) => {
            attachError = e instanceof Error ? e.message : "the files could not be attached";
          });
      return { ticket, attachError };
    },
    onSuccess: ({ ticket, attachError }) => {
      client.setQueryData(keys.ticket(ticket.id), ticket);
      void client.invalidateQueries({ queryKey: keys.tickets });
      const query = new URLSearchParams({ created: "1" });
      if (attachError) query.set("attachError", attachError);
      navigate(`/portal/tickets/${ticket.id}?${query.toString()}`);
    },
  });
  const errors = fieldErrors(create.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    create.mutate({ subject, description, category, priority });
  };
  // A template may name a category of the workspace's own; keep it choosable.
  const categoryOptions: readonly string[] = (categories as readonly string[]).includes(category)
    ? categories
    : [...categories, category];
  const toSuggestions = () =>
    suggestions.current?.querySelector<HTMLButtonElement>("button.suggestion")?.focus();
  return (
    <section>
      <h1>New ticket</h1>
      <div className="split">
        <form className="card stack" onSubmit={submit} aria-label="New ticket" noValidate>
          <TemplatePicker
            onPick={(t) => {
              setSubject(t.subject);
              setDescription(t.description);
              setCategory(t.category);
              setPriority(t.priority);
            }}
          />
          <label className="field">
            <span>Subject</span>
            <input
              ref={subjectField}
              name="subject"
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "ArrowDown") {
                  e.preventDefault();
                  toSuggestions();
                }
              }}
              required
              maxLength={200}
              autoComplete="off"
              aria-describedby="subject-hint"
              aria-invalid={errors.subject ? true : undefined}
            />
            <span id="subject-hint" className="field-hint">
              Suggested answers appear as you type; press ↓ to browse them.
            </span>
            {errors.subject && <span className="field-error">{errors.subject}</span>}
          </label>
          <div className="field">
            <label htmlFor="ticket-description">Description</label>
            <textarea
              id="ticket-description"
              name="description"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              required
              rows={8}
              aria-invalid={errors.description ? true : undefined}
            />
            {errors.description && <span className="field-error">{errors.description}</span>}
          </div>
          <div className="row">
            <label className="field">
              <span>Category</span>
              <select
                name="category"
                value={category}
                onChange={(e) => setCategory(e.target.value)}
              >
                {categoryOptions.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Priority</span>
              <select
                name="priority"
                value={priority}
                onChange={(e) => setPriority(e.target.value as TTicketPriority)}
              >
                {priorities.map((p) => (
                  <option key={p} value={p}>
                    {priorityLabels[p]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <AttachmentPicker files={files} onChange={setFiles} disabled={create.isPending} />
          {create.isError && !Object.keys(errors).length && <ErrorNotice error={create.error} />}
          <div>
            <button type="submit" className="button-primary" disabled={create.isPending}>
              {create.isPending ? "Submitting…" : "Submit ticket"}
            </button>
          </div>
        </form>
        <SuggestionPanel
          subject={subject}
          description={description}
          listRef={suggestions}
          onLeaveList={() => subjectField.current?.focus()}
        />
      </div>
    </section>
  );
}
