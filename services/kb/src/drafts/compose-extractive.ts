import type { DraftSource } from "./draft-source.ts";

const stopWords = new Set(
  "a an and are as at be but by can do does for from has have how i if in is it its my me of on or so that the this to was we what when where which who why will with you your".split(
    " ",
  ),
);

const wordsOf = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (w) => w.length > 2 && !stopWords.has(w),
  );

/** Sentences of `passage` that share the most words with the question, in their original order. */
export function bestSentences(passage: string, question: string, count = 2): string[] {
  const asked = new Set(wordsOf(question).map((w) => w.slice(0, 5)));
  const sentences = passage
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
  const scored = sentences.map((s, i) => ({
    s,
    i,
    score: wordsOf(s).filter((w) => asked.has(w.slice(0, 5))).length,
  }));
  return scored
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, count)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.s);
}

/**
 * A reply made only of the sources' own sentences, each cited by number: useful with no language
 * model at all, and never says more than the KB does.
 */
export function composeExtractive(question: string, sources: DraftSource[]): string {
  if (sources.length === 0) {
    return "Hello,\n\nThanks for reaching out. I could not find this in our help center yet; I am looking into it and will get back to you.\n\nBest regards,";
  }
  const lines = sources.map((src) => {
    const picked = bestSentences(src.passage, question);
    const text = picked.length ? picked.join(" ") : src.passage.slice(0, 300);
    return `${text} [${src.n}]`;
  });
  return `Hello,\n\nThanks for reaching out. Here is what should help:\n\n${lines.map((l) => `- ${l}`).join("\n")}\n\nLet me know if this does not solve it.\n\nBest regards,`;
}
