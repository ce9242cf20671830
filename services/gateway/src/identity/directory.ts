import {
  AppError,
  type TIdentity,
  type ZCreateGroupInput,
  type ZCreateOrganizationInput,
  type ZGroupMemberInput,
  type ZSetGroupLeadInput,
  type ZUpdateUserInput,
} from "@signpost/contracts";
import type { Db } from "@signpost/db";
import { authorize } from "@signpost/policy";
import type { z } from "zod";
import { announceGroup, announceUser } from "./announce-directory.ts";
import { directoryRepository } from "./directory-repository.ts";
import { sessionRepository } from "./session-repository.ts";
import { toUser, userRepository } from "./user-repository.ts";

export async function createOrganization(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZCreateOrganizationInput>,
) {
  authorize(who, "identity.orgs.manage");
  const org = await directoryRepository.insertOrg(db, {
    workspaceId: who.workspaceId,
    name: input.name,
    domain: input.domain ?? null,
  });
  if (!org) throw new AppError("CONFLICT", `An organization named "${input.name}" already exists`);
  return org;
}

export async function listOrganizations(db: Db, who: TIdentity) {
  authorize(who, "identity.directory.read");
  return directoryRepository.listOrgs(db, who.workspaceId);
}

export async function listUsers(db: Db, who: TIdentity, orgId?: string) {
  authorize(who, "identity.directory.read");
  return (await userRepository.list(db, who.workspaceId, orgId)).map(toUser);
}

/** Changes a staff member's roles or disables/re-enables an account (disabling signs it out). */
export async function updateUser(db: Db, who: TIdentity, input: z.output<typeof ZUpdateUserInput>) {
  authorize(who, "identity.users.manage");
  const target = await userRepository.byId(db, who.workspaceId, input.userId);
  if (!target) throw new AppError("NOT_FOUND", "Not found");
  if (input.roles && target.roles.includes("customer")) {
    throw new AppError("BAD_REQUEST", "A contact's role is fixed; invite them as staff instead");
  }
  const losesAdmin = (input.roles && !input.roles.includes("admin")) || input.status === "disabled";
  if (target.id === who.userId && losesAdmin) {
    throw new AppError("CONFLICT", "You cannot remove your own admin access");
  }
  return db.transaction(async (tx) => {
    const updated = await userRepository.update(tx, who.workspaceId, target.id, input);
    if (input.status === "disabled") await sessionRepository.deleteForUser(tx, target.id);
    await announceUser(tx, who.workspaceId, target.id);
    return toUser(updated ?? target);
  });
}

export async function createGroup(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZCreateGroupInput>,
) {
  authorize(who, "identity.groups.manage");
  return db.transaction(async (tx) => {
    const group = await directoryRepository.insertGroup(tx, who.workspaceId, input.name);
    if (!group) throw new AppError("CONFLICT", `A group named "${input.name}" already exists`);
    await announceGroup(tx, who.workspaceId, group.id);
    return group;
  });
}

export async function listGroups(db: Db, who: TIdentity) {
  authorize(who, "identity.directory.read");
  return directoryRepository.listGroups(db, who.workspaceId);
}

/** Groups are teams of agents: only staff can join one. */
export async function addGroupMember(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZGroupMemberInput>,
) {
  authorize(who, "identity.groups.manage");
  const user = await userRepository.byId(db, who.workspaceId, input.userId);
  if (!user || !(await directoryRepository.groupExists(db, who.workspaceId, input.groupId))) {
    throw new AppError("NOT_FOUND", "Not found");
  }
  if (user.roles.includes("customer"))
    throw new AppError("BAD_REQUEST", "Only staff can join a group");
  return db.transaction(async (tx) => {
    await directoryRepository.addMember(tx, input.groupId, input.userId);
    await announceGroup(tx, who.workspaceId, input.groupId);
    const groups = await directoryRepository.listGroups(tx, who.workspaceId);
    return (
      groups.find((g) => g.id === input.groupId) ?? { id: input.groupId, name: "", memberIds: [] }
    );
  });
}

export async function removeGroupMember(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZGroupMemberInput>,
) {
  authorize(who, "identity.groups.manage");
  if (!(await directoryRepository.groupExists(db, who.workspaceId, input.groupId))) {
    throw new AppError("NOT_FOUND", "Not found");
  }
  return db.transaction(async (tx) => {
    await directoryRepository.removeMember(tx, input.groupId, input.userId);
    await announceGroup(tx, who.workspaceId, input.groupId);
    const groups = await directoryRepository.listGroups(tx, who.workspaceId);
    return (
      groups.find((g) => g.id === input.groupId) ?? { id: input.groupId, name: "", memberIds: [] }
    );
  });
}

/** Sets or clears a group's lead: an active staff member of the workspace (not necessarily a member). */
export async function setGroupLead(
  db: Db,
  who: TIdentity,
  input: z.output<typeof ZSetGroupLeadInput>,
) {
  authorize(who, "identity.groups.manage");
  if (!(await directoryRepository.groupExists(db, who.workspaceId, input.groupId))) {
    throw new AppError("NOT_FOUND", "Not found");
  }
  if (input.userId) {
    const user = await userRepository.byId(db, who.workspaceId, input.userId);
    if (!user) throw new AppError("NOT_FOUND", "Not found");
    if (user.roles.includes("customer") || user.status !== "active") {
      throw new AppError("BAD_REQUEST", "A group's lead must be an active staff member");
    }
  }
  return db.transaction(async (tx) => {
    await directoryRepository.setLead(tx, who.workspaceId, input.groupId, input.userId);
    await announceGroup(tx, who.workspaceId, input.groupId);
    const groups = await directoryRepository.listGroups(tx, who.workspaceId);
    return (
      groups.find((g) => g.id === input.groupId) ?? { id: input.groupId, name: "", memberIds: [] }
    );
  });
}
