export interface Chunk {
  ordinal: number;
  /** The headings above the chunk, outermost first: "Billing > Invoices". */
  headingPath: string;
  content: string;
}

const maxWords = 200;
const overlapWords = 30;

/**
 * Splits Markdown along its headings, then splits long sections into windows of about 200 words
 * with a 30-word overlap, so a passage never loses the context at a window's edge.
 *
 * @example
 * chunkMarkdown("## Reset\nUse the link.") // [{ ordinal: 0, headingPath: "Reset", content: "Use the link." }]
 */
export function chunkMarkdown(markdown: string): Chunk[] {
  const sections: { path: string[]; lines: string[] }[] = [{ path: [], lines: [] }];
  const stack: { level: number; text: string }[] = [];
  let inFence = false;
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      while (stack.length && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
      stack.push({ level, text: heading[2] ?? "" });
      sections.push({ path: stack.map((h) => h.text), lines: [] });
    } else {
      sections[sections.length - 1]?.lines.push(line);
    }
  }
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const words = section.lines.join("\n").split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    for (let start = 0; start < words.length; start += maxWords - overlapWords) {
      chunks.push({
        ordinal: chunks.length,
        headingPath: section.path.join(" > "),
        content: words.slice(start, start + maxWords).join(" "),
      });
      if (start + maxWords >= words.length) break;
    }
  }
  return chunks;
}
