// Licences: assign and remove them, with disabled service plans, for users and for groups (group-based licensing).
import { z } from "zod";
import { defineAction } from "../action-definition.ts";
import { actionIds } from "../action-ids.ts";
import { readGroup, readSubscribedSkus, readUser } from "../common-requests.ts";
import { groupId, maxListInput, servicePlanRef, skuRef, userRef } from "../input-schemas.ts";
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

function isValidChange(change: { add: readonly { sku: string }[]; remove: readonly string[] }): boolean {
  if (change.add.length + change.remove.length === 0) return false;
  const added = new Set(change.add.map((a) => a.sku.toLowerCase()));
  return change.remove.every((sku) => !added.has(sku.toLowerCase()));
}

const changeMessage = { message: "Add or remove at least one licence, and never the same licence in both lists." };

export const licensesAssignUserInput = z.strictObject({ userId: userRef, ...licenceChange }).refine(isValidChange, changeMessage);
export type LicensesAssignUserInput = z.infer<typeof licensesAssignUserInput>;

export const licensesAssignUser = defineAction({
  id: actionIds.licensesAssignUser,
  title: "Assign or remove user licences",
  description:
    "Adds licences to a user, with the service plans to switch off, and removes directly assigned licences. The user needs a usage location; licences inherited from a group are changed on the group.",
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
    { ...readSubscribedSkus, why: "Resolves licence and service plan names to Microsoft's ids and checks that seats are free before assigning." },
    { ...readUser, why: "Reads the user's usage location and current licences before the change, and verifies the result." },
  ],
  operatorRoleActions: [roleActions.usersAssignLicense],
  guards: { syncedUser: "allowed", adminTarget: "none" },
  verify: "Read the user back: each added licence is assigned with exactly its disabled plans, each removed one is gone.",
});

export const licensesAssignGroupInput = z.strictObject({ groupId, ...licenceChange }).refine(isValidChange, changeMessage);
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
  ],
  operatorRoleActions: [roleActions.groupsAssignLicense],
  guards: { syncedGroup: "allowed", roleAssignableGroup: "refuse" },
  verify: "Read the group back: its assignedLicenses match the request.",
});

export const licenseActions = [licensesAssignUser, licensesAssignGroup] as const;
