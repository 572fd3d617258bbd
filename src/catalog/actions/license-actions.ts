// Licences: assign and remove them, with disabled service plans, for users and for groups (group-based licensing).
import { z } from "zod";
import { defineAction } from "../action-definition.ts";
import { actionIds } from "../action-ids.ts";
import { readGroup, readGroupMembers, readSubscribedSkus, readUser } from "../common-requests.ts";
import { groupId, maxListInput, servicePlanRef, skuRef, usageLocation, userRef } from "../input-schemas.ts";
import { moduleIds } from "../module-ids.ts";
import { roleActions } from "../role-actions.ts";

const licenceToAdd = z.strictObject({
  sku: skuRef,
  /** Service plans of this licence to switch off. */
  disabledPlans: z.array(servicePlanRef).max(maxListInput).default([]),
});

/** Graph's assignLicense: add and remove in one request; a licence may not be in both. */
const licenceChange = {
  add: z.array(licenceToAdd).max(maxListInput).default([]),
  remove: z.array(skuRef).max(maxListInput).default([]),
};

type LicenceChange = { add: readonly { sku: string }[]; remove: readonly string[] };

const hasSomeLicence = (change: LicenceChange) => change.add.length + change.remove.length > 0;
const someLicenceMessage = { message: "Add or remove at least one licence.", path: ["add"] };

function neverBothWays(change: LicenceChange): boolean {
  const added = new Set(change.add.map((a) => a.sku.toLowerCase()));
  return change.remove.every((sku) => !added.has(sku.toLowerCase()));
}

const bothWaysMessage = { message: "A licence cannot be added and removed in one change; leave it in one list only.", path: ["remove"] };

export const licensesAssignUserInput = z
  .strictObject({
    userId: userRef,
    ...licenceChange,
    /** Set first when given: Microsoft assigns licences only to users with a usage location. */
    usageLocation: usageLocation.optional(),
  })
  .refine(hasSomeLicence, someLicenceMessage)
  .refine(neverBothWays, bothWaysMessage);
export type LicensesAssignUserInput = z.infer<typeof licensesAssignUserInput>;

export const licensesAssignUser = defineAction({
  id: actionIds.licensesAssignUser,
  title: "Assign or remove user licences",
  description:
    "Adds licences to a user, with the service plans to switch off, and removes directly assigned licences. The user needs a usage location, which the same request can set; licences inherited from a group are changed on the group.",
  module: moduleIds.management,
  kind: "write",
  input: licensesAssignUserInput,
  graph: [
    {
      method: "POST",
      path: "/users/{id}/assignLicense",
      permission: "LicenseAssignment.ReadWrite.All",
      why: "Assigns and removes users' licences and switches individual service plans on or off; it cannot change anything else about a user.",
      alternatives: ["User.ReadWrite.All", "Directory.ReadWrite.All"],
    },
    {
      method: "PATCH",
      path: "/users/{id}",
      properties: ["usageLocation"],
      permission: "User.ReadWrite.All",
      why: "Sets the user's usage location when the request gives one, since Microsoft assigns licences only to users who have one; Microsoft offers no narrower permission for it.",
      alternatives: ["Directory.ReadWrite.All"],
      onlyWhen: "the request sets the user's usage location",
    },
    { ...readSubscribedSkus, why: "Resolves licence and service plan names to Microsoft's ids and checks that seats are free before assigning." },
    { ...readUser, why: "Reads the user's usage location and current licences before the change, and verifies the result." },
    { ...readGroup, why: "Names the groups a licence is inherited from when it cannot be removed from the user directly." },
  ],
  operatorRoleActions: [roleActions.usersAssignLicense],
  propertyRoleActions: { usageLocation: roleActions.usersUsageLocationUpdate },
  guards: { syncedUser: "allowed", adminTarget: "none" },
  verify: "Read the user back: each added licence is assigned with exactly its disabled plans, each removed one is gone.",
});

export const licensesAssignGroupInput = z
  .strictObject({ groupId, ...licenceChange })
  .refine(hasSomeLicence, someLicenceMessage)
  .refine(neverBothWays, bothWaysMessage);
export type LicensesAssignGroupInput = z.infer<typeof licensesAssignGroupInput>;

export const licensesAssignGroup = defineAction({
  id: actionIds.licensesAssignGroup,
  title: "Assign or remove group licences",
  description:
    "Adds licences to a group, with the service plans to switch off, and removes them; Microsoft then applies them to every member (group-based licensing).",
  module: moduleIds.management,
  kind: "write",
  input: licensesAssignGroupInput,
  graph: [
    {
      method: "POST",
      path: "/groups/{id}/assignLicense",
      permission: "LicenseAssignment.ReadWrite.All",
      why: "Assigns and removes the licences of groups for group-based licensing.",
      alternatives: ["Group.ReadWrite.All", "Directory.ReadWrite.All"],
    },
    { ...readSubscribedSkus, why: "Resolves licence and service plan names to Microsoft's ids and checks that seats are free before assigning." },
    readGroup,
    { ...readGroupMembers, why: "Counts the group's members, who each take a seat of a licence assigned to the group, to check that seats are free before assigning." },
    {
      ...readUser,
      path: "/users",
      why: "Reads which of the group's members already hold a licence, and so need no further seat, when seats are short.",
    },
  ],
  operatorRoleActions: [roleActions.groupsAssignLicense],
  guards: { syncedGroup: "allowed", roleAssignableGroup: "refuse" },
  verify: "Read the group back: its assignedLicenses match the request.",
});

export const licenseActions = [licensesAssignUser, licensesAssignGroup] as const;
