import { html, type SafeHtml } from "./html.ts";

/** Customers reply above this line; inbound mail drops everything from it down. */
export const replyMarker = "##- Please type your reply above this line -##";

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The subject of every ticket mail: the number first, so mail clients and people can match it. */
export const ticketSubject = (number: number, subject: string, prefix?: string) =>
  `[#${number}] ${prefix ? `${prefix}: ` : ""}${subject.replace(/[\r\n]+/g, " ")}`;

/** Wraps a body in the common frame; `replyable` adds the reply marker for customers. */
export function frame(opts: {
  subject: string;
  heading: string;
  text: string;
  body: SafeHtml;
  link?: { url: string; label: string };
  replyable?: boolean;
}): RenderedMail {
  const marker = opts.replyable ? `${replyMarker}\n\n` : "";
  const linkText = opts.link ? `\n\n${opts.link.label}: ${opts.link.url}` : "";
  return {
    subject: opts.subject,
    text: `${marker}${opts.heading}\n\n${opts.text}${linkText}\n`,
    html: html`<!doctype html>
      <html>
        <body style="font-family: sans-serif; line-height: 1.5; color: #222">
          ${opts.replyable ? html`<p style="color:#888;font-size:12px">${replyMarker}</p>` : ""}
          <h2 style="font-size:18px">${opts.heading}</h2>
          ${opts.body}
          ${opts.link ? html`<p><a href="${opts.link.url}">${opts.link.label}</a></p>` : ""}
        </body>
      </html>`.value,
  };
}
