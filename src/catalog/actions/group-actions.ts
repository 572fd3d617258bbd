// Groups: list, read, list members; add and remove members; change a group's name, description, alias, visibility.
import { z } from "zod";
import { defineAction, type GraphRequestSpec } from "../action-definition.ts";
import { actionIds } from "../action-ids.ts";
import { groupReadsNotLeast, readGroup, readGroupMembers } from "../common-requests.ts";
import { clearable, groupId, groupMailNickname, hasSomeChange, listQuery, objectId, someChangeMessage, text } from "../input-schemas.ts";
import { moduleIds } from "../module-ids.ts";
import { roleActions } from "../role-actions.ts";

const groupReadAlternatives = ["Group.Read.All", "Directory.Read.All"];

export const groupsListInput = z.strictObject({ ...listQuery });
export type GroupsListInput = z.infer<typeof groupsListInput>;

export const groupsList = defineAction({
  id: actionIds.groupsList,
  title: "List and search groups",
  description: "Lists the groups of one tenant with their type, licences and sync state, searchable by name.",
  module: moduleIds.reporting,
  kind: "read",
  input: groupsListInput,
  graph: [
    {
      method: "GET",
      path: "/groups",
      permission: "GroupMember.Read.All",
      why: "Lists groups for the group list and search.",
      notLeastBecause: groupReadsNotLeast,
      alternatives: groupReadAlternatives,
    },
    {
      method: "GET",
      path: "/groups/delta",
      permission: "GroupMember.Read.All",
      why: "Fetches only the groups and memberships that changed since the last sync, so the local cache stays current.",
      notLeastBecause: groupReadsNotLeast,
      alternatives: groupReadAlternatives,
    },
  ],
  operatorRoleActions: [roleActions.groupsStandardRead],
  guards: {},
});

export const groupTargetInput = z.strictObject({ groupId });
export type GroupTargetInput = z.infer<typeof groupTargetInput>;

export const groupsGet = defineAction({
  id: actionIds.groupsGet,
  title: "Read a group",
  description: "Reads one group's properties, licences and sync state.",
  module: moduleIds.reporting,
  kind: "read",
  input: groupTargetInput,
  graph: [{ ...readGroup, why: "Reads a group's properties, licences and sync state." }],
  operatorRoleActions: [roleActions.groupsStandardRead],
  guards: {},
});

export const groupsListMembersInput = z.strictObject({
  groupId,
  /** Include members of nested groups. */
  transitive: z.boolean().default(false),
  top: listQuery.top,
  cursor: listQuery.cursor,
});
export type GroupsListMembersInput = z.infer<typeof groupsListMembersInput>;

export const groupsListMembers = defineAction({
  id: actionIds.groupsListMembers,
  title: "List group members",
  description: "Lists a group's members, directly or including nested groups.",
  module: moduleIds.reporting,
  kind: "read",
  input: groupsListMembersInput,
  graph: [
    readGroupMembers,
    {
      method: "GET",
      path: "/groups/{id}/transitiveMembers",
      permission: "GroupMember.Read.All",
      why: "Lists everyone in a group including members of nested groups.",
      notLeastBecause: groupReadsNotLeast,
      alternatives: groupReadAlternatives,
    },
  ],
  operatorRoleActions: [roleActions.groupsMembersRead],
  guards: {},
});

export const groupMemberInput = z.strictObject({ groupId, memberId: objectId });
export type GroupMemberInput = z.infer<typeof groupMemberInput>;

const addMember: GraphRequestSpec = {
  method: "POST",
  path: "/groups/{id}/members/$ref",
  permission: "GroupMember.ReadWrite.All",
  why: "Adds users to groups; it cannot change a group's properties or owners, nor delete groups.",
  alternatives: ["Group.ReadWrite.All", "Directory.ReadWrite.All"],
};

const groupChangeGuards = { syncedGroup: "refuse-on-premises-mastered", roleAssignableGroup: "refuse" } as const;

export const groupsAddMember = defineAction({
  id: actionIds.groupsAddMember,
  title: "Add a group member",
  description: "Adds a user or group to a cloud group. Groups synced from on-premises and role-assignable groups are changed elsewhere.",
  module: moduleIds.management,
  kind: "write",
  input: groupMemberInput,
  graph: [addMember, readGroup, readGroupMembers],
  operatorRoleActions: [roleActions.groupsMembersUpdate],
  guards: groupChangeGuards,
  verify: "List the group's direct members: the new member is among them.",
});

export const groupsRemoveMember = defineAction({
  id: actionIds.groupsRemoveMember,
  title: "Remove a group member",
  description: "Removes a direct member from a cloud group. Groups synced from on-premises and role-assignable groups are changed elsewhere.",
  module: moduleIds.management,
  kind: "write",
  input: groupMemberInput,
  graph: [
    { ...addMember, method: "DELETE", path: "/groups/{id}/members/{memberId}/$ref", why: "Removes users from groups." },
    readGroup,
    readGroupMembers,
  ],
  operatorRoleActions: [roleActions.groupsMembersUpdate],
  guards: groupChangeGuards,
  verify: "List the group's direct members: the removed member is not among them.",
});

export const groupPropertyChanges = z
  .strictObject({
    displayName: text(256).optional(),
    /** Tenantry's bound: Learn gives no maximum for a group's description. */
    description: clearable(text(1024)),
    mailNickname: groupMailNickname.optional(),
    /** HiddenMembership can only be chosen when a group is created. */
    visibility: z.enum(["Public", "Private"]).optional(),
  })
  .refine(hasSomeChange, someChangeMessage);

export const groupsUpdatePropertiesInput = z.strictObject({ groupId, changes: groupPropertyChanges });
export type GroupsUpdatePropertiesInput = z.infer<typeof groupsUpdatePropertiesInput>;

export const groupsUpdateProperties = defineAction({
  id: actionIds.groupsUpdateProperties,
  title: "Update group properties",
  description: "Changes a group's display name, description, mail alias and (for Microsoft 365 groups) visibility.",
  module: moduleIds.management,
  kind: "write",
  input: groupsUpdatePropertiesInput,
  graph: [
    {
      method: "PATCH",
      path: "/groups/{id}",
      properties: ["displayName", "description", "mailNickname", "visibility"],
      permission: "Group.ReadWrite.All",
      why: "Changes a group's name, description, mail alias and visibility; Microsoft offers no narrower permission for them.",
      alternatives: ["Directory.ReadWrite.All"],
    },
    readGroup,
  ],
  operatorRoleActions: [],
  propertyRoleActions: {
    displayName: roleActions.groupsBasicUpdate,
    description: roleActions.groupsBasicUpdate,
    mailNickname: roleActions.groupsBasicUpdate,
    visibility: roleActions.groupsVisibilityUpdate,
  },
  guards: groupChangeGuards,
  verify: "Read the group back and compare every changed property with the request.",
});

export const groupActions = [
  groupsList,
  groupsGet,
  groupsListMembers,
  groupsAddMember,
  groupsRemoveMember,
  groupsUpdateProperties,
] as const;
