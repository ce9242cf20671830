import { createHash } from "node:crypto";
import type { Sql } from "@signpost/db";
import { articleRepository } from "../articles/article-repository.ts";
import { withoutFraming } from "../embedding/question-framing.ts";
import { chunkMarkdown } from "./chunk-markdown.ts";
import type { SourceScope } from "./chunk-repository.ts";
import { indexRequestRepository } from "./index-request-repository.ts";
import type { QueuedSource } from "./index-queue-repository.ts";

export interface SourceDocument {
  scope: SourceScope;
  pieces: { ordinal: number; title: string; headingPath: string; content: string }[];
}

/** What to index for a queued source, or null when it should not be searchable (any more). */
export async function loadSource(sql: Sql, q: QueuedSource): Promise<SourceDocument | null> {
  if (q.source_kind === "article") {
    const a = await articleRepository.forIndexing(sql, q.source_id);
    if (!a || a.status !== "published") return null;
    const pieces = chunkMarkdown(a.body).map((c) => ({ ...c, title: a.title }));
    // The summary is what a reader sees first; it is searchable as the article's opening chunk.
    if (a.summary)
      pieces.unshift({ ordinal: -1, title: a.title, headingPath: "", content: a.summary });
    return {
      scope: {
        kind: "article",
        id: a.id,
        workspaceId: a.workspace_id,
        orgId: null,
        visibility: a.visibility,
      },
      pieces: withTitle(withFallback(pieces, a.title), a.title),
    };
  }
  const t = await indexRequestRepository.document(sql, q.source_id);
  if (!t || t.subject === null) return null;
  return {
    scope: {
      kind: "ticket",
      id: q.source_id,
      workspaceId: t.workspace_id,
      orgId: t.org_id,
      visibility: "org",
    },
    pieces: withTitle(
      withFallback(
        chunkMarkdown(t.body ?? "").map((c) => ({
          ...c,
          title: t.subject ?? "",
          headingPath: t.category ?? "",
        })),
        t.subject,
      ),
      t.subject,
    ),
  };
}

/** What identifies a piece's vector: its text and the model that embeds it. */
export const pieceHash = (
  p: { title: string; headingPath: string; content: string },
  model: string,
) =>
  createHash("sha256").update(`${model}\n${p.title}\n${p.headingPath}\n${p.content}`).digest("hex");

/**
 * The text the model embeds: the title and headings give a passage its context. A title's question
 * framing ("How can I ...?") is left out: otherwise every title framed alike lands near every
 * question framed alike, whatever either is about.
 */
export const embeddingText = (p: { title: string; headingPath: string; content: string }) =>
  [withoutFraming(p.title), p.headingPath, p.content].filter(Boolean).join(". ");

/**
 * What made a stored vector: the model and the way its text is put together (`embeddingText`).
 * Changing that way is like changing the model: the indexer re-embeds every source in the
 * background. Bump the suffix when `embeddingText` changes.
 */
export const vectorMaker = (model: string) => `${model}+untitled-framing`;

export const wordCount = (p: { title: string; headingPath: string; content: string }) =>
  `${p.title} ${p.headingPath} ${p.content}`.split(/\s+/).filter(Boolean).length;

/** A source with no body text is still findable by its title. */
const withFallback = (pieces: SourceDocument["pieces"], title: string) =>
  pieces.length ? pieces : [{ ordinal: 0, title, headingPath: "", content: title }];

/**
 * A piece of the title alone. A title is the densest statement of what a source answers: its own
 * vector is not diluted by a long passage, and as a short BM25 document it wins on a title match.
 */
const withTitle = (pieces: SourceDocument["pieces"], title: string) => [
  { ordinal: -2, title, headingPath: "", content: "" },
  ...pieces,
];
