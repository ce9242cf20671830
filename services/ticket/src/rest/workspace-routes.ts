import { z } from "zod";
import {
  ZApplyMacroInput,
  ZComment,
  ZMacro,
  ZSavedView,
  ZSaveViewInput,
  ZSlaPolicy,
  ZStatusDef,
  ZViewRef,
} from "@signpost/contracts";
import { applyMacro } from "../macros/apply-macro.ts";
import { listMacros } from "../macros/list-macros.ts";
import { listPolicies } from "../sla/manage-policies.ts";
import { listStatuses } from "../statuses/list-statuses.ts";
import { deleteView, listViews, saveView } from "../views/manage-views.ts";
import { restRoute } from "./rest-route.ts";

/** The workspace's statuses, macros, saved views and SLA policies. */
export const workspaceRoutes = [
  restRoute({
    id: "listStatuses",
    method: "GET",
    path: "/statuses",
    summary: "The workspace's statuses and the kind each maps to",
    output: z.array(ZStatusDef),
    run: ({ deps, who }) => listStatuses(deps, who),
  }),
  restRoute({
    id: "listMacros",
    method: "GET",
    path: "/macros",
    summary: "Macros (canned responses with placeholders and actions)",
    output: z.array(ZMacro),
    run: ({ deps, who }) => listMacros(deps, who),
  }),
  restRoute({
    id: "applyMacro",
    method: "POST",
    path: "/macros/{macroId}/apply",
    summary: "Apply a macro to `ticketId`: its reply is posted and its actions run",
    input: ZApplyMacroInput,
    output: ZComment,
    status: 201,
    run: ({ deps, who, requestId }, input) =>
      applyMacro(deps, who, input.macroId, input.ticketId, requestId),
  }),
  restRoute({
    id: "listViews",
    method: "GET",
    path: "/views",
    summary: "Your saved views (use one with `GET /tickets?view=`)",
    output: z.array(ZSavedView),
    run: ({ deps, who }) => listViews(deps, who),
  }),
  restRoute({
    id: "saveView",
    method: "POST",
    path: "/views",
    summary: "Save filters and a sort as a view",
    input: ZSaveViewInput,
    output: ZSavedView,
    status: 201,
    run: ({ deps, who }, input) => saveView(deps, who, input),
  }),
  restRoute({
    id: "deleteView",
    method: "DELETE",
    path: "/views/{viewId}",
    summary: "Delete one of your views",
    input: ZViewRef,
    output: z.object({ deleted: z.literal(true) }),
    run: ({ deps, who }, input) => deleteView(deps, who, input.viewId),
  }),
  restRoute({
    id: "listSlaPolicies",
    method: "GET",
    path: "/sla/policies",
    summary: "SLA policies: targets by priority (and category or organization)",
    output: z.array(ZSlaPolicy),
    run: ({ deps, who }) => listPolicies(deps, who),
  }),
];
