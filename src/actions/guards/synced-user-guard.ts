import type { AuditTarget } from "../../audit/audit-entry.ts";
import { onPremisesMasteredAmong } from "../../catalog/action-user-properties.ts";
import { ActionRefused } from "../action-errors.ts";

/** A user synced from on-premises Active Directory: the properties Active Directory masters cannot be changed in the cloud. */
export function refuseOnPremisesMastered(user: { onPremisesSyncEnabled?: boolean | null; userPrincipalName?: string }, properties: readonly string[], target?: AuditTarget): void {
  if (user.onPremisesSyncEnabled !== true) return;
  const mastered = onPremisesMasteredAmong(properties);
  if (mastered.length === 0) return;
  throw new ActionRefused({
    code: "synced_user",
    ...(target ? { target } : {}),
    field: mastered[0],
    message: `${user.userPrincipalName ?? "This user"} is synced from on-premises Active Directory, which masters ${mastered.join(", ")}; Microsoft refuses changes to them in the cloud.`,
    fix: "Change them in on-premises Active Directory; they reach Entra at the next sync. Licences, usage location and the cloud password can still be changed here.",
  });
}

/** A synced user whose password is reset in the cloud: without password writeback, on-premises sign-in keeps the old one. */
export function syncedPasswordWarning(user: { onPremisesSyncEnabled?: boolean | null }): string[] {
  return user.onPremisesSyncEnabled === true
    ? ["This user is synced from on-premises Active Directory: unless password writeback is enabled, the new password applies to cloud sign-in only, and on-premises Active Directory keeps the old one."]
    : [];
}
