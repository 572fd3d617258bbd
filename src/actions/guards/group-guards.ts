// Groups Microsoft does not let an application change, refused before any write with the reason and where to change them.
import type { AuditTarget } from "../../audit/audit-entry.ts";
import { ActionRefused } from "../action-errors.ts";

interface GuardedGroup {
  readonly displayName: string;
  readonly groupTypes?: readonly string[];
  readonly onPremisesSyncEnabled?: boolean | null;
  readonly isAssignableToRole?: boolean | null;
  readonly mailEnabled?: boolean;
}

/** A group synced from on-premises Active Directory: its members and properties are mastered there. */
export function refuseSyncedGroup(group: GuardedGroup, target: AuditTarget): void {
  if (group.onPremisesSyncEnabled !== true) return;
  throw new ActionRefused({
    code: "synced_group",
    target,
    message: `${group.displayName} is synced from on-premises Active Directory, which masters its members and properties; Microsoft refuses changes to them in the cloud.`,
    fix: "Change the group in on-premises Active Directory; the change reaches Entra at the next sync.",
  });
}

/**
 * A group that can hold Entra admin roles: Microsoft protects it like an admin role, and lets only Privileged
 * Role Administrators (or apps with RoleManagement.ReadWrite.Directory, which Tenantry does not ask for) change it.
 */
export function refuseRoleAssignableGroup(group: GuardedGroup, target: AuditTarget): void {
  if (group.isAssignableToRole !== true) return;
  throw new ActionRefused({
    status: 403,
    code: "role_assignable_group",
    target,
    message: `${group.displayName} can be assigned Entra admin roles, so its members gain administrator rights; Microsoft lets only a Privileged Role Administrator change such a group, and Tenantry does not.`,
    fix: "Have a Privileged Role Administrator change it in the Entra admin center (Groups) or through Privileged Identity Management.",
  });
}

/** Members that nobody adds by hand: a membership rule's, or Exchange's for mail-enabled security groups and distribution lists. */
export function refuseManagedMembership(group: GuardedGroup, target: AuditTarget): void {
  const types = group.groupTypes ?? [];
  if (types.includes("DynamicMembership")) {
    throw new ActionRefused({
      code: "dynamic_membership",
      target,
      message: `${group.displayName} has dynamic membership: its membership rule decides who is a member, and Microsoft refuses adding or removing members by hand.`,
      fix: "Change the user's properties so that the rule includes or excludes them, or change the group's membership rule.",
    });
  }
  if (group.mailEnabled === true && !types.includes("Unified")) {
    throw new ActionRefused({
      code: "exchange_managed_group",
      target,
      message: `${group.displayName} is a distribution list or mail-enabled security group; Exchange Online manages its members, and Microsoft Graph cannot change them.`,
      fix: "Change its members in the Exchange admin center or with Exchange Online PowerShell (Add-DistributionGroupMember).",
    });
  }
}
