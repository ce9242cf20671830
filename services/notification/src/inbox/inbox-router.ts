import { z } from "zod";
import type { Db } from "@signpost/db";
import {
  ZListNotificationsInput,
  ZMarkReadInput,
  ZNotification,
  ZUnreadCount,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import { listNotifications, markRead, unreadCount } from "./inbox.ts";

export const inboxRouter = (db: Db) =>
  router({
    list: authedProcedure
      .input(ZListNotificationsInput)
      .output(z.array(ZNotification))
      .query(({ ctx, input }) => listNotifications(db, ctx.identity, input)),
    unreadCount: authedProcedure
      .output(ZUnreadCount)
      .query(({ ctx }) => unreadCount(db, ctx.identity)),
    markRead: authedProcedure
      .input(ZMarkReadInput)
      .output(ZUnreadCount)
      .mutation(({ ctx, input }) => markRead(db, ctx.identity, input.ids)),
    markAllRead: authedProcedure
      .output(ZUnreadCount)
      .mutation(({ ctx }) => markRead(db, ctx.identity, null)),
  });
