import { z } from "zod";

export const ZSubmitCsatInput = z.object({
  ticketId: z.uuid(),
  rating: z.number().int().min(1, "rate from 1 to 5").max(5, "rate from 1 to 5"),
  comment: z.string().trim().max(2000).optional(),
});

export const ZCsatRating = z.object({
  ticketId: z.uuid(),
  resolution: z.number().int().positive(),
  rating: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TCsatRating = z.infer<typeof ZCsatRating>;
