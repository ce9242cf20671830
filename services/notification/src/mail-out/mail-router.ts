import { z } from "zod";
import {
  ZListMailInput,
  ZMailMessage,
  ZMailSettings,
  ZUpdateMailSettingsInput,
} from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authedProcedure, router } from "@signpost/service-kit";
import {
  getMailSettings,
  listDeadMail,
  listMail,
  retryMail,
  updateMailSettings,
} from "./mail-admin.ts";

/** Admins' view of outgoing mail: the development mailbox, dead letters, settings. */
export const mailRouter = (db: Db, kick: () => void) =>
  router({
    mailbox: authedProcedure
      .input(ZListMailInput)
      .output(z.array(ZMailMessage))
      .query(({ ctx, input }) => listMail(db, ctx.identity, input)),
    deadLetters: authedProcedure
      .output(z.array(ZMailMessage))
      .query(({ ctx }) => listDeadMail(db, ctx.identity, 100)),
    retry: authedProcedure
      .input(z.object({ mailId: z.uuid() }))
      .output(z.object({ queued: z.boolean() }))
      .mutation(({ ctx, input }) => retryMail(db, ctx.identity, input.mailId, kick)),
    settings: authedProcedure
      .output(ZMailSettings)
      .query(({ ctx }) => getMailSettings(db, ctx.identity)),
    updateSettings: authedProcedure
      .input(ZUpdateMailSettingsInput)
      .output(ZMailSettings)
      .mutation(({ ctx, input }) => updateMailSettings(db, ctx.identity, input)),
  });
