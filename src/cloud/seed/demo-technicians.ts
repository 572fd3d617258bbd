// The MSP's own technicians in the demo's partner tenant, and the security groups Tenantry's role
// assignments name: they sign in to Tenantry and their ID tokens carry the groups. Ids are derived from
// the tenant id and the alias, so the same partner tenant always gets the same technicians and groups.

import { uuidV5 } from "../authz/uuid-v5.ts";
import type { ChangeOp } from "../directory/change-ops.ts";
import type { GroupRecord, TenantRecord } from "../directory/model.ts";
import { newUserRecord } from "../directory/new-user-record.ts";
import { hashPassword } from "../directory/passwords.ts";
import { DEMO_PASSWORD } from "./demo-admins.ts";
import { EMPTY } from "./shared-values.ts";
import { graphDateTime } from "./timeline.ts";

const TECHNICIANS = [
  { alias: "tech1", displayName: "Tier 1 Technician", jobTitle: "Service Desk Technician" },
  { alias: "tech2", displayName: "Tier 2 Technician", jobTitle: "Senior Technician" },
  { alias: "auditor", displayName: "Compliance Auditor", jobTitle: "Compliance Auditor" },
] as const;

const TECHNICIAN_GROUPS = [
  { mailNickname: "tenantry-tier1", displayName: "Tenantry Tier 1 Technicians", description: "Technicians who handle first-line requests in Tenantry.", members: ["tech1"] },
  { mailNickname: "tenantry-tier2", displayName: "Tenantry Tier 2 Technicians", description: "Technicians who handle escalated requests in Tenantry.", members: ["tech2"] },
] as const;

export interface DemoPartnerGroup {
  readonly id: string;
  readonly displayName: string;
}

const dayMs = 86_400_000;

/** The technicians, their groups and memberships for the partner tenant, as change ops. */
export function demoTechnicians(tenant: TenantRecord): { ops: ChangeOp[]; groups: DemoPartnerGroup[] } {
  const domain = tenant.domains.find((d) => d.isInitial)?.id ?? tenant.domains[0]!.id;
  const created = graphDateTime(Date.parse(tenant.createdDateTime) + dayMs);
  const idOf = (kind: string, name: string) => uuidV5(tenant.id, `demo-${kind}:${name}`);
  const ops: ChangeOp[] = [];
  for (const technician of TECHNICIANS) {
    const id = idOf("technician", technician.alias);
    const record = newUserRecord(created, {
      id,
      userPrincipalName: `${technician.alias}@${domain}`,
      displayName: technician.displayName,
      mailNickname: technician.alias,
      jobTitle: technician.jobTitle,
      usageLocation: tenant.countryLetterCode,
      accountEnabled: true,
      password: {
        passwordHash: hashPassword(DEMO_PASSWORD, id.replaceAll("-", "").slice(0, 16)),
        forceChangePasswordNextSignIn: false,
        lastPasswordChangeDateTime: created,
      },
    });
    ops.push({ op: "object.put", tenantId: tenant.id, record });
  }
  const groups: DemoPartnerGroup[] = [];
  for (const spec of TECHNICIAN_GROUPS) {
    const group: GroupRecord = {
      kind: "group",
      id: idOf("group", spec.mailNickname),
      createdDateTime: created,
      deletedDateTime: null,
      displayName: spec.displayName,
      description: spec.description,
      mailNickname: spec.mailNickname,
      mail: null,
      mailEnabled: false,
      securityEnabled: true,
      groupTypes: EMPTY,
      membershipRule: null,
      membershipRuleProcessingState: null,
      isAssignableToRole: null,
      visibility: null,
      proxyAddresses: EMPTY,
      onPremisesSyncEnabled: null,
      assignedLicenses: EMPTY,
    };
    ops.push({ op: "object.put", tenantId: tenant.id, record: group });
    for (const alias of spec.members) ops.push({ op: "member.add", tenantId: tenant.id, groupId: group.id, memberId: idOf("technician", alias) });
    groups.push({ id: group.id, displayName: group.displayName });
  }
  return { ops, groups };
}
