// The words people wrap a question in ("how can I", "is it possible to", "what is the best way
// to", greetings and thanks). They say nothing about the topic, yet a sentence model weighs them
// like any other words: a question's vector then sits near every title framed the same way.
const framing = new RegExp(
  [
    String.raw`is (?:it|there) (?:possible|(?:a|any) (?:way|option|method))(?: (?:to|for|that|in|on))?`,
    String.raw`(?:what(?: is|'s|s)? the )?(?:best|easiest|fastest|simplest|quickest|right|proper) (?:way|method) (?:to|of|for)`,
    String.raw`how (?:do|can|could|would|should|does|did) (?:i|we|you|one|someone|people)`,
    String.raw`how to`,
    String.raw`(?:can|could|may|should) (?:i|we|you|one)`,
    String.raw`i(?: want| need| would like| wish|'d like| am trying|'m trying| am looking|'m looking| have been trying) (?:to|for)`,
    String.raw`(?:does|do) (?:anyone|anybody|someone|somebody) know(?: (?:how|if|of|whether))?`,
    String.raw`please help`,
    String.raw`thanks?(?: you)?(?: in advance)?`,
    String.raw`hi`,
    String.raw`hello`,
  ]
    .map((p) => `\\b${p}\\b`)
    .join("|"),
  "giu",
);

/**
 * The text without its question framing, for the sentence model; the text itself when nothing else
 * is left (a question that is all framing still means something).
 *
 * @example
 * withoutFraming("Is it possible to export my Trello board?") // "export my Trello board?"
 */
export function withoutFraming(text: string): string {
  const topic = text
    .replace(framing, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;:.!-]+/, "")
    .trim();
  return /[\p{L}\p{N}]/u.test(topic) ? topic : text;
}
