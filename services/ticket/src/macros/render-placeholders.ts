/**
 * Fills `{{name}}` placeholders from `values`; unknown names are left as written so a typo shows
 * instead of vanishing.
 *
 * @example
 * render("Hi {{requester.name}}", { "requester.name": "Ana" }) // "Hi Ana"
 */
export const render = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
