import { z } from "zod";

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  ticketId: z.uuid().nullable(),
  title: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  read: z.boolean(),
});
export type TNotification = z.infer<typeof ZNotification>;
