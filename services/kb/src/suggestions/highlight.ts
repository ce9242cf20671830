export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * A short excerpt of `content` around the first word that matches what was typed, as segments
 * (rendered by the client as text, so no markup from an article can reach the page).
 */
export function highlight(content: string, typedWords: string[], maxChars = 220): Segment[] {
  const stems = typedWords
    .map((w) => w.toLowerCase())
    .filter((w) => w.length >= 3)
    .map((w) => w.slice(0, 5));
  const isHit = (word: string) => {
    const lower = word.toLowerCase();
    return stems.some((s) => lower.startsWith(s));
  };
  const words = content.split(/(\s+)/);
  const firstHit = words.findIndex((w) => w.trim() && isHit(w.replace(/[^\p{L}\p{N}]/gu, "")));
  let start = 0;
  if (firstHit > 12) start = firstHit - 12;
  const segments: Segment[] = [];
  let length = 0;
  if (start > 0) segments.push({ text: "… ", hit: false });
  for (let i = start; i < words.length && length < maxChars; i++) {
    const w = words[i] ?? "";
    length += w.length;
    const hit = w.trim() !== "" && isHit(w.replace(/[^\p{L}\p{N}]/gu, ""));
    const last = segments[segments.length - 1];
    if (last && last.hit === hit) last.text += w;
    else segments.push({ text: w, hit });
  }
  if (length >= maxChars) segments.push({ text: " …", hit: false });
  return segments;
}
