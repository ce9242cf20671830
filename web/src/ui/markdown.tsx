import DOMPurify from "dompurify";
import { Marked } from "marked";
import { useMemo } from "react";

const marked = new Marked({ gfm: true, breaks: false, async: false });

// Article bodies are written by people; whatever Markdown lets through (raw HTML, javascript:
// links, event handlers) is stripped before it reaches the page.
DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  // An image the author gave no description is treated as decorative rather than read as a URL.
  if (node.tagName === "IMG" && !node.hasAttribute("alt")) node.setAttribute("alt", "");
  if (node.tagName === "A" && node.getAttribute("href")?.startsWith("http")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
});

/** Markdown to sanitized HTML. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source) as string;
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}

/** Rendered Markdown; loaded lazily so the parser is not part of any area's first load. */
export default function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={`prose ${className ?? ""}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
