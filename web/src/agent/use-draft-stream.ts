import { useCallback, useEffect, useRef, useState } from "react";
import type { TDraftReply } from "@signpost/contracts";
import { writeHeaders } from "../trpc.ts";
import { readSse } from "./sse.ts";

type Source = TDraftReply["sources"][number];

export type DraftPhase = "idle" | "finding" | "writing" | "done" | "stopped" | "error";

export interface DraftStreamState {
  phase: DraftPhase;
  sources: Source[];
  text: string;
  /** Set once the stream ends normally: the recorded draft, for insertion and citation tracking. */
  draft: TDraftReply | null;
  error: string | null;
}

export interface DraftRequest {
  ticketId: string;
  subject: string;
  description: string;
  thread: string[];
}

const str = (v: unknown, fallback = "") => (typeof v === "string" ? v : fallback);

const idle: DraftStreamState = { phase: "idle", sources: [], text: "", draft: null, error: null };

/** What the server says went wrong, in a sentence (its error body, or the status). */
async function failureOf(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (res.status === 401) return "Your session has ended. Sign in again.";
  if (res.status === 403) return "You cannot draft replies.";
  return body?.error?.message ?? `The draft could not be started (${res.status}).`;
}

/**
 * Streams a draft from `POST /api/kb/drafts/stream`: sources first, then the text as it is
 * written. `stop` aborts the request (the server stops writing); a new `start` or unmounting
 * aborts the one before, so a slow old stream never writes into a new draft.
 */
export function useDraftStream() {
  const [state, setState] = useState<DraftStreamState>(idle);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (input: DraftRequest) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const update = (next: (s: DraftStreamState) => DraftStreamState) => {
      if (controller.current === abort) setState(next);
    };
    update(() => ({ ...idle, phase: "finding" }));
    try {
      const res = await fetch("/api/kb/drafts/stream", {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json", ...writeHeaders() },
        body: JSON.stringify(input),
        signal: abort.signal,
      });
      if (!res.ok || !res.body) {
        const error = await failureOf(res);
        update((s) => ({ ...s, phase: "error", error }));
        return;
      }
      let text = "";
      let sources: Source[] = [];
      for await (const e of readSse(res.body)) {
        const data = JSON.parse(e.data) as Record<string, unknown>;
        if (e.event === "sources") {
          sources = data.sources as Source[];
          update((s) => ({ ...s, sources, phase: "writing" }));
        } else if (e.event === "delta") {
          text += str(data.text);
          const now = text;
          update((s) => ({ ...s, text: now, phase: "writing" }));
        } else if (e.event === "done") {
          const draft: TDraftReply = {
            draftId: str(data.draftId),
            text,
            sources,
            generatedBy: data.generatedBy === "llm" ? "llm" : "extractive",
            grounded: data.grounded === true,
          };
          update((s) => ({ ...s, phase: "done", draft }));
        } else if (e.event === "error") {
          const error = str(data.message, "The draft could not be finished");
          update((s) => ({ ...s, phase: "error", error }));
        }
      }
      // A stream cut short without "done" or "error" (the connection dropped) is a failure too.
      update((s) =>
        s.phase === "writing" || s.phase === "finding"
          ? { ...s, phase: "error", error: "The connection closed before the draft was finished." }
          : s,
      );
    } catch (error) {
      if (abort.signal.aborted) return;
      const message =
        error instanceof TypeError
          ? "Could not reach Signpost. Check your connection."
          : "The draft could not be read.";
      update((s) => ({ ...s, phase: "error", error: message }));
    }
  }, []);

  const stop = useCallback(() => {
    const current = controller.current;
    if (!current) return;
    controller.current = null;
    current.abort();
    setState((s) =>
      s.phase === "finding" || s.phase === "writing" ? { ...s, phase: "stopped" } : s,
    );
  }, []);

  return { state, start, stop };
}
