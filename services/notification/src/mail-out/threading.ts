// Message-IDs we mint carry what they belong to, so a reply's In-Reply-To/References leads back to
// the ticket even if a mail client drops one of them.

/** The domain our Message-IDs use: the sender address's. */
export const mailDomainOf = (address: string) => address.split("@")[1] ?? "signpost.localhost";

/** Deterministic per ticket: every mail of the ticket references it, so they thread together. */
export const threadRootId = (ticketId: string, domain: string) => `<ticket.${ticketId}@${domain}>`;

export const messageIdOf = (mailId: string, domain: string) => `<mail.${mailId}@${domain}>`;

const ours = /^<?(?:ticket|mail)\.[0-9a-f-]{36}@/i;

/** True for a Message-ID this service minted (a mail of ours coming back). */
export const isOurMessageId = (id: string) => ours.test(id.trim());

/** Splits a References / In-Reply-To header into its `<id>` items. */
export function messageIdsIn(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(" ") : (header ?? "");
  return [...text.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]);
}
