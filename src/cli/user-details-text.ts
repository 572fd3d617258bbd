// `tenantry users get` as text: the user at a glance, licences by product name with where they come from.
import type { LicenseAssignment, UserAdminRole, UserGroup, UserLicense } from "../actions/reads/user-details.ts";
import { terminalText } from "./terminal-text.ts";

/** users.get's answer, as the CLI reads it. */
export interface UserDetails {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string | null;
  readonly [property: string]: unknown;
  readonly sync: { readonly synced: boolean; readonly onPremisesDomainName?: string | null; readonly onPremisesLastSyncDateTime?: string | null };
  readonly licenses: readonly UserLicense[];
  readonly groups: readonly UserGroup[];
  readonly manager: { readonly displayName: string | null; readonly userPrincipalName: string | null } | null;
  readonly adminRoles: readonly UserAdminRole[];
}

const shownProperties = [
  "mail", "otherMails", "userType", "jobTitle", "department", "companyName", "employeeId", "employeeType", "officeLocation",
  "businessPhones", "mobilePhone", "streetAddress", "city", "state", "postalCode", "country", "usageLocation",
  "createdDateTime", "lastPasswordChangeDateTime",
];

function value(v: unknown): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (Array.isArray(v)) return v.length ? v.join(", ") : undefined;
  return String(v);
}

function source(a: LicenseAssignment): string {
  const how = a.kind === "direct" ? "direct" : `inherited from group "${a.groupName ?? a.groupId}"`;
  const problem = a.state && a.state !== "Active" ? ` [${a.state}${a.error && a.error !== "None" ? `: ${a.error}` : ""}]` : "";
  const disabled = a.disabledPlans.length ? `; plans off: ${a.disabledPlans.join(", ")}` : "";
  return `${how}${problem}${disabled}`;
}

export function userDetailsText(user: UserDetails): string {
  const lines = [`${user.displayName ?? user.userPrincipalName} <${user.userPrincipalName}>`, `  id: ${user.id}`];
  lines.push(`  account: ${user.accountEnabled === false ? "disabled" : "enabled"}`);
  for (const p of shownProperties) {
    const shown = value(user[p]);
    if (shown !== undefined) lines.push(`  ${p}: ${shown}`);
  }
  lines.push(`  manager: ${user.manager ? `${user.manager.displayName ?? ""} <${user.manager.userPrincipalName ?? ""}>` : "(none)"}`);
  lines.push(
    `  sync: ${user.sync.synced ? `synced from on-premises ${user.sync.onPremisesDomainName ?? "Active Directory"}, last ${user.sync.onPremisesLastSyncDateTime ?? "unknown"}` : "cloud only"}`,
  );
  lines.push(`  licences:${user.licenses.length ? "" : " (none)"}`);
  for (const licence of user.licenses) {
    lines.push(`    ${licence.productName} (${licence.skuPartNumber}): ${licence.assignments.map(source).join("; ")}`);
  }
  lines.push(`  admin roles:${user.adminRoles.length ? "" : " (none)"}`);
  for (const role of user.adminRoles) lines.push(`    ${role.roleName}${role.viaGroup ? ` (through group "${role.viaGroup.displayName ?? role.viaGroup.id}")` : ""}`);
  lines.push(`  groups:${user.groups.length ? "" : " (none)"}`);
  for (const group of user.groups) lines.push(`    ${group.displayName ?? group.id}${group.isAssignableToRole ? " (role-assignable)" : ""}`);
  return terminalText(`${lines.join("\n")}\n`);
}
