import type { GroupRecord } from "../directory/model.ts";
import type { GroupSpec } from "./group-plan.ts";
import { EMPTY } from "./shared-values.ts";
import type { TenantLayout } from "./tenant-layout.ts";

/** A planned group as Entra stores it; mail-enabled groups get addresses on the users' domain. */
export function groupRecord(spec: GroupSpec, id: string, createdDateTime: string, layout: TenantLayout): GroupRecord {
  const mail = spec.mailEnabled ? `${spec.mailNickname}@${layout.userDomain}` : null;
  let proxyAddresses: readonly string[] = EMPTY;
  if (mail) {
    proxyAddresses = layout.vanityDomain ? [`SMTP:${mail}`, `smtp:${spec.mailNickname}@${layout.initialDomain}`] : [`SMTP:${mail}`];
  }
  return {
    kind: "group",
    id,
    createdDateTime,
    deletedDateTime: null,
    displayName: spec.displayName,
    description: spec.description,
    mailNickname: spec.mailNickname,
    mail,
    mailEnabled: spec.mailEnabled,
    securityEnabled: spec.securityEnabled,
    groupTypes: spec.groupTypes,
    membershipRule: spec.membershipRule,
    membershipRuleProcessingState: spec.membershipRule ? "On" : null,
    isAssignableToRole: spec.isAssignableToRole,
    visibility: spec.visibility,
    proxyAddresses,
    onPremisesSyncEnabled: spec.onPremisesSyncEnabled,
    assignedLicenses: spec.assignedLicenses,
  };
}
