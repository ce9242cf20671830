import { z } from "zod";
import {
  ZApiToken,
  ZCreateApiTokenInput,
  ZCreatedApiToken,
  ZCreateGroupInput,
  ZCreateInvitationInput,
  ZCreateOrganizationInput,
  ZGroup,
  ZGroupMemberInput,
  ZSetGroupLeadInput,
  ZInvitation,
  ZOrganization,
  ZUpdateUserInput,
  ZUser,
} from "@signpost/contracts";
import { authedProcedure, router } from "@signpost/service-kit";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.ts";
import {
  addGroupMember,
  createGroup,
  removeGroupMember,
  setGroupLead,
  createOrganization,
  listGroups,
  listOrganizations,
  listUsers,
  updateUser,
} from "./directory.ts";
import type { IdentityDeps } from "./identity-deps.ts";
import { createInvitation } from "./invitations.ts";

/** Admin and directory routes: people, organizations, groups, invitations, API tokens. */
export const directoryRouter = (deps: IdentityDeps) => {
  const { db } = deps;
  return router({
    invitations: router({
      create: authedProcedure
        .input(ZCreateInvitationInput)
        .output(ZInvitation)
        .mutation(({ ctx, input }) => createInvitation(deps, ctx.identity, input)),
    }),
    organizations: router({
      list: authedProcedure
        .output(z.array(ZOrganization))
        .query(({ ctx }) => listOrganizations(db, ctx.identity)),
      create: authedProcedure
        .input(ZCreateOrganizationInput)
        .output(ZOrganization)
        .mutation(({ ctx, input }) => createOrganization(db, ctx.identity, input)),
    }),
    users: router({
      list: authedProcedure
        .input(z.object({ orgId: z.uuid().optional() }).default({}))
        .output(z.array(ZUser))
        .query(({ ctx, input }) => listUsers(db, ctx.identity, input.orgId)),
      update: authedProcedure
        .input(ZUpdateUserInput)
        .output(ZUser)
        .mutation(({ ctx, input }) => updateUser(db, ctx.identity, input)),
    }),
    groups: router({
      list: authedProcedure
        .output(z.array(ZGroup))
        .query(({ ctx }) => listGroups(db, ctx.identity)),
      create: authedProcedure
        .input(ZCreateGroupInput)
        .output(ZGroup)
        .mutation(({ ctx, input }) => createGroup(db, ctx.identity, input)),
      addMember: authedProcedure
        .input(ZGroupMemberInput)
        .output(ZGroup)
        .mutation(({ ctx, input }) => addGroupMember(db, ctx.identity, input)),
      removeMember: authedProcedure
        .input(ZGroupMemberInput)
        .output(ZGroup)
        .mutation(({ ctx, input }) => removeGroupMember(db, ctx.identity, input)),
      setLead: authedProcedure
        .input(ZSetGroupLeadInput)
        .output(ZGroup)
        .mutation(({ ctx, input }) => setGroupLead(db, ctx.identity, input)),
    }),
    apiTokens: router({
      list: authedProcedure
        .output(z.array(ZApiToken))
        .query(({ ctx }) => listApiTokens(db, ctx.identity)),
      create: authedProcedure
        .input(ZCreateApiTokenInput)
        .output(ZCreatedApiToken)
        .mutation(({ ctx, input }) => createApiToken(db, ctx.identity, input)),
      revoke: authedProcedure
        .input(z.object({ tokenId: z.uuid() }))
        .output(ZApiToken)
        .mutation(({ ctx, input }) => revokeApiToken(db, ctx.identity, input.tokenId)),
    }),
  });
};
