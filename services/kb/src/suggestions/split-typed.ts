export interface TypedText {
  /** Everything before the word still being typed. */
  complete: string;
  /** The word still being typed (lower case), or "" when the text ends in a space or punctuation. */
  partial: string;
}

/**
 * Splits what has been typed at the word still being typed. Still typing only while the text
 * ends in a letter or digit: "github." or "github?" is done.
 *
 * @example
 * splitTyped("reset my passw") // { complete: "reset my ", partial: "passw" }
 */
export function splitTyped(text: string): TypedText {
  const typing = /[\p{L}\p{N}]$/u.test(text);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const partial = typing ? (words[words.length - 1] ?? "") : "";
  const complete = partial ? text.slice(0, text.toLowerCase().lastIndexOf(partial)) : text;
  return { complete, partial };
}
