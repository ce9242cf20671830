/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Trusted markup, passed through `html` unescaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/**
 * A tagged template that escapes every interpolated value unless it is `SafeHtml`, so a subject
 * or a reply can never inject markup into a mail.
 *
 * @example
 * html`<p>${userText}</p>` // userText "<b>" becomes "&lt;b&gt;"
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    const parts = Array.isArray(v) ? v : [v];
    out += parts
      .map((p) => (p instanceof SafeHtml ? p.value : escapeHtml(String(p ?? ""))))
      .join("");
    out += strings[i + 1] ?? "";
  });
  return new SafeHtml(out);
}

/** Plain text as HTML paragraphs, line breaks kept. */
export const paragraphs = (text: string): SafeHtml =>
  new SafeHtml(
    text
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
      .join("\n"),
  );
