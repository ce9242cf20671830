import { replyMarker } from "../mail-out/layout.ts";

// Lines that start the quoted history in the mail clients people use.
const historyStarts = [
  /^On .{1,200}wrote:\s*$/i, // Gmail, Apple Mail, Thunderbird
  /^-{2,}\s*Original Message\s*-{2,}/i, // Outlook
  /^_{10,}\s*$/, // Outlook's rule above "From:"
  /^From:\s.+$/i, // Outlook without the rule (only when followed by Sent:/Date:, checked below)
  /^Le .{1,200}a écrit\s*:\s*$/i,
  /^Am .{1,200}schrieb .{1,200}:\s*$/i,
];
const signatureStarts = [/^-- ?$/, /^Sent from my /i, /^Get Outlook for /i];

/**
 * The new text of a reply: everything above our reply marker, the client's quoted history and
 * the signature; trailing `>` quotes and blank lines trimmed.
 */
export function stripReply(text: string): string {
  let lines = text.replace(/\r\n/g, "\n").split("\n");
  const marker = lines.findIndex((l) => l.includes(replyMarker));
  if (marker >= 0) lines = lines.slice(0, marker);
  const cut = lines.findIndex((line, i) => {
    const l = line.trim();
    if (!historyStarts.some((re) => re.test(l))) return false;
    if (/^From:\s/i.test(l)) return /^(Sent|Date):\s/i.test(lines[i + 1]?.trim() ?? "");
    return true;
  });
  if (cut >= 0) lines = lines.slice(0, cut);
  const sig = lines.findIndex((l) => signatureStarts.some((re) => re.test(l.trim())));
  if (sig >= 0) lines = lines.slice(0, sig);
  while (lines.length && (lines.at(-1)?.trim() === "" || lines.at(-1)?.startsWith(">"))) {
    lines.pop();
  }
  while (lines.length && lines[0]?.trim() === "") lines.shift();
  return lines.join("\n").trim();
}
