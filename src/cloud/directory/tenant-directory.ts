import { ChangeJournal } from "./change-journal.ts";
import type { ChangeOp } from "./change-ops.ts";
import type {
  AssignedLicense,
  DirectoryAuditRecord,
  DirectoryObjectRecord,
  GroupRecord,
  RoleAssignmentRecord,
  ServicePrincipalRecord,
  TenantRecord,
  UserRecord,
} from "./model.ts";
import { SortedIds } from "./sorted-ids.ts";

export interface LicenseAssignmentState {
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
  readonly assignedByGroup: string | null;
  readonly state: "Active" | "Error";
  /** CountViolation: the group assigns a licence for which no seat was left. */
  readonly error: "None" | "CountViolation";
}

type Relation = Map<string, Set<string>>;

function link(relation: Relation, from: string, to: string): void {
  let set = relation.get(from);
  if (!set) {
    set = new Set();
    relation.set(from, set);
  }
  set.add(to);
}

function unlink(relation: Relation, from: string, to: string): void {
  const set = relation.get(from);
  if (!set) return;
  set.delete(to);
  if (set.size === 0) relation.delete(from);
}

const none: ReadonlySet<string> = new Set();

/** One tenant's directory in memory, with the indexes Graph's queries need. */
export class TenantDirectory {
  tenant: TenantRecord;
  readonly objects = new Map<string, DirectoryObjectRecord>();
  readonly userIds = new SortedIds();
  readonly groupIds = new SortedIds();
  readonly applicationIds = new SortedIds();
  readonly servicePrincipalIds = new SortedIds();
  readonly roleAssignments = new Map<string, RoleAssignmentRecord>();
  readonly audits: DirectoryAuditRecord[] = [];
  /** Changes to users, groups and memberships by sequence number, for delta queries. */
  readonly journal = new ChangeJournal();
  readonly #userByUpn = new Map<string, string>();
  readonly #spByAppId = new Map<string, string>();
  readonly #appByAppId = new Map<string, string>();
  readonly #members: Relation = new Map();
  readonly #memberOf: Relation = new Map();
  readonly #owners: Relation = new Map();
  readonly #ownerOf: Relation = new Map();
  readonly #rolesByPrincipal: Relation = new Map();
  readonly #consumedBySku = new Map<string, number>();
  readonly #skusByUser = new Map<string, readonly string[]>();
  readonly #seatless = new Map<string, ReadonlySet<string>>();

  constructor(tenant: TenantRecord) {
    this.tenant = tenant;
  }

  get id(): string {
    return this.tenant.id;
  }

  apply(op: ChangeOp): void {
    switch (op.op) {
      case "tenant.put":
        this.tenant = op.tenant;
        return;
      case "object.put":
        this.journal.put(this.objects.get(op.record.id), op.record, this.groupsOf(op.record.id));
        this.#put(op.record);
        return;
      case "object.purge":
        this.journal.purge(this.objects.get(op.id));
        this.#purge(op.id);
        return;
      case "member.add":
        this.journal.membership(op.groupId, op.memberId, this.objects.get(op.memberId)?.kind ?? "user");
        link(this.#members, op.groupId, op.memberId);
        link(this.#memberOf, op.memberId, op.groupId);
        if (this.#licensesThrough(op.groupId)) this.#refreshLicenseUse(op.memberId);
        return;
      case "member.remove":
        this.journal.membership(op.groupId, op.memberId, this.objects.get(op.memberId)?.kind ?? "user");
        unlink(this.#members, op.groupId, op.memberId);
        unlink(this.#memberOf, op.memberId, op.groupId);
        if (this.#licensesThrough(op.groupId)) this.#refreshLicenseUse(op.memberId);
        return;
      case "owner.add":
        link(this.#owners, op.groupId, op.memberId);
        link(this.#ownerOf, op.memberId, op.groupId);
        return;
      case "owner.remove":
        unlink(this.#owners, op.groupId, op.memberId);
        unlink(this.#ownerOf, op.memberId, op.groupId);
        return;
      case "role.assign":
        this.roleAssignments.set(op.assignment.id, op.assignment);
        link(this.#rolesByPrincipal, op.assignment.principalId, op.assignment.roleDefinitionId);
        return;
      case "role.unassign":
        this.#unassignRole(op.id);
        return;
      case "audit.add":
        this.audits.push(op.event);
        return;
      case "tenant.generate":
        throw new Error("tenant.generate is applied by the cloud state, not by a directory");
    }
  }

  user(idOrUpn: string): UserRecord | undefined {
    const record = this.objects.get(idOrUpn) ?? this.objects.get(this.#userByUpn.get(idOrUpn.toLowerCase()) ?? "");
    return record?.kind === "user" ? record : undefined;
  }

  group(id: string): GroupRecord | undefined {
    const record = this.objects.get(id);
    return record?.kind === "group" ? record : undefined;
  }

  servicePrincipalByAppId(appId: string): ServicePrincipalRecord | undefined {
    const record = this.objects.get(this.#spByAppId.get(appId) ?? "");
    return record?.kind === "servicePrincipal" ? record : undefined;
  }

  applicationByAppId(appId: string): DirectoryObjectRecord | undefined {
    return this.objects.get(this.#appByAppId.get(appId) ?? "");
  }

  membersOf(groupId: string): ReadonlySet<string> {
    return this.#members.get(groupId) ?? none;
  }

  groupsOf(memberId: string): ReadonlySet<string> {
    return this.#memberOf.get(memberId) ?? none;
  }

  /** Every group the object belongs to directly or through nested groups, deleted groups included. */
  transitiveGroupsOf(memberId: string): string[] {
    const seen = new Set<string>();
    const queue = [...this.groupsOf(memberId)];
    while (queue.length > 0) {
      const groupId = queue.pop()!;
      if (seen.has(groupId)) continue;
      seen.add(groupId);
      queue.push(...this.groupsOf(groupId));
    }
    return [...seen];
  }

  /** The groups of `transitiveGroupsOf` that are not deleted, security groups only when asked: the groups a token or getMemberGroups reports. */
  activeTransitiveGroupsOf(memberId: string, securityOnly: boolean): string[] {
    return this.transitiveGroupsOf(memberId).filter((id) => {
      const group = this.group(id);
      return group !== undefined && !group.deletedDateTime && (!securityOnly || group.securityEnabled);
    });
  }

  ownersOf(groupId: string): ReadonlySet<string> {
    return this.#owners.get(groupId) ?? none;
  }

  ownedBy(ownerId: string): ReadonlySet<string> {
    return this.#ownerOf.get(ownerId) ?? none;
  }

  /** Role template ids held directly or through role-assignable groups. */
  rolesOf(principalId: string): ReadonlySet<string> {
    const direct = this.#rolesByPrincipal.get(principalId);
    let all: Set<string> | undefined;
    for (const groupId of this.groupsOf(principalId)) {
      const viaGroup = this.#rolesByPrincipal.get(groupId);
      if (!viaGroup) continue;
      all ??= new Set(direct);
      for (const role of viaGroup) all.add(role);
    }
    return all ?? direct ?? none;
  }

  /** Groups in which the principal is a member or owner and that can hold roles. */
  inRoleAssignableGroup(principalId: string): boolean {
    for (const groupId of [...this.groupsOf(principalId), ...this.ownedBy(principalId)]) {
      if (this.group(groupId)?.isAssignableToRole) return true;
    }
    return false;
  }

  licenseStates(user: UserRecord): LicenseAssignmentState[] {
    const states: LicenseAssignmentState[] = user.directLicenses.map((l) => ({
      skuId: l.skuId,
      disabledPlans: l.disabledPlans,
      assignedByGroup: null,
      state: "Active",
      error: "None",
    }));
    const seatless = this.#seatless.get(user.id);
    for (const groupId of this.groupsOf(user.id)) {
      const group = this.group(groupId);
      if (!group || group.deletedDateTime) continue;
      for (const l of group.assignedLicenses) {
        const failed = seatless?.has(l.skuId) === true;
        states.push({
          skuId: l.skuId,
          disabledPlans: l.disabledPlans,
          assignedByGroup: group.id,
          state: failed ? "Error" : "Active",
          error: failed ? "CountViolation" : "None",
        });
      }
    }
    return states;
  }

  /** Graph's user.assignedLicenses: one entry per SKU; a plan is disabled only if every assignment disables it. */
  effectiveLicenses(user: UserRecord): AssignedLicense[] {
    const bySku = new Map<string, Set<string> | null>();
    for (const state of this.licenseStates(user)) {
      if (state.state !== "Active") continue;
      const disabled = bySku.get(state.skuId);
      if (disabled === undefined) bySku.set(state.skuId, new Set(state.disabledPlans));
      else if (disabled) for (const plan of [...disabled]) if (!state.disabledPlans.includes(plan)) disabled.delete(plan);
    }
    return [...bySku].map(([skuId, disabled]) => ({ skuId, disabledPlans: [...(disabled ?? [])] }));
  }

  consumedUnits(skuId: string): number {
    return this.#consumedBySku.get(skuId) ?? 0;
  }

  #put(record: DirectoryObjectRecord): void {
    const previous = this.objects.get(record.id);
    this.objects.set(record.id, record);
    switch (record.kind) {
      case "user": {
        if (previous?.kind === "user") this.#userByUpn.delete(previous.userPrincipalName.toLowerCase());
        if (!record.deletedDateTime) this.#userByUpn.set(record.userPrincipalName.toLowerCase(), record.id);
        if (!previous) this.userIds.addAscending(record.id);
        this.#refreshLicenseUse(record.id);
        return;
      }
      case "group": {
        if (!previous) this.groupIds.addAscending(record.id);
        if (previous?.kind === "group" && (previous.assignedLicenses !== record.assignedLicenses || previous.deletedDateTime !== record.deletedDateTime)) {
          for (const memberId of this.membersOf(record.id)) this.#refreshLicenseUse(memberId);
        }
        return;
      }
      case "application":
        if (!previous) this.applicationIds.addAscending(record.id);
        this.#appByAppId.set(record.appId, record.id);
        return;
      case "servicePrincipal":
        if (!previous) this.servicePrincipalIds.addAscending(record.id);
        this.#spByAppId.set(record.appId, record.id);
        return;
    }
  }

  #purge(id: string): void {
    const record = this.objects.get(id);
    if (!record) return;
    for (const groupId of [...this.groupsOf(id)]) this.apply({ op: "member.remove", tenantId: this.id, groupId, memberId: id });
    for (const groupId of [...this.ownedBy(id)]) this.apply({ op: "owner.remove", tenantId: this.id, groupId, memberId: id });
    for (const memberId of [...this.membersOf(id)]) this.apply({ op: "member.remove", tenantId: this.id, groupId: id, memberId });
    for (const ownerId of [...this.ownersOf(id)]) this.apply({ op: "owner.remove", tenantId: this.id, groupId: id, memberId: ownerId });
    for (const assignment of [...this.roleAssignments.values()]) if (assignment.principalId === id) this.#unassignRole(assignment.id);
    this.objects.delete(id);
    switch (record.kind) {
      case "user":
        this.#userByUpn.delete(record.userPrincipalName.toLowerCase());
        this.userIds.remove(id);
        this.#refreshLicenseUse(id);
        return;
      case "group":
        this.groupIds.remove(id);
        return;
      case "application":
        this.applicationIds.remove(id);
        this.#appByAppId.delete(record.appId);
        return;
      case "servicePrincipal":
        this.servicePrincipalIds.remove(id);
        this.#spByAppId.delete(record.appId);
        return;
    }
  }

  #unassignRole(id: string): void {
    const assignment = this.roleAssignments.get(id);
    if (!assignment) return;
    this.roleAssignments.delete(id);
    const stillHeld = [...this.roleAssignments.values()].some(
      (a) => a.principalId === assignment.principalId && a.roleDefinitionId === assignment.roleDefinitionId,
    );
    if (!stillHeld) unlink(this.#rolesByPrincipal, assignment.principalId, assignment.roleDefinitionId);
  }

  /** Only a group with licences changes its members' licence use when they join or leave. */
  #licensesThrough(groupId: string): boolean {
    return (this.group(groupId)?.assignedLicenses.length ?? 0) > 0;
  }

  /**
   * Keeps consumed units per SKU true: a deleted user holds no licence, and a licence that only groups
   * assign takes a seat only while one is left; otherwise it stays in error (CountViolation), as in Entra.
   */
  #refreshLicenseUse(userId: string): void {
    const record = this.objects.get(userId);
    const active = record?.kind === "user" && !record.deletedDateTime;
    const wanted = active ? new Set(this.#wantedSkus(record)) : new Set<string>();
    const direct = new Set(active ? record.directLicenses.map((l) => l.skuId) : []);
    const before = this.#skusByUser.get(userId) ?? [];
    const held: string[] = [];
    const seatless = new Set<string>();
    for (const sku of before) {
      if (wanted.has(sku)) held.push(sku);
      else this.#consumedBySku.set(sku, (this.#consumedBySku.get(sku) ?? 1) - 1);
    }
    for (const sku of wanted) {
      if (before.includes(sku)) continue;
      if (direct.has(sku) || this.#seatsLeft(sku) > 0) {
        held.push(sku);
        this.#consumedBySku.set(sku, (this.#consumedBySku.get(sku) ?? 0) + 1);
      } else {
        seatless.add(sku);
      }
    }
    if (held.length > 0) this.#skusByUser.set(userId, held);
    else this.#skusByUser.delete(userId);
    if (seatless.size > 0) this.#seatless.set(userId, seatless);
    else this.#seatless.delete(userId);
  }

  #wantedSkus(user: UserRecord): string[] {
    const skus = user.directLicenses.map((l) => l.skuId);
    for (const groupId of this.groupsOf(user.id)) {
      const group = this.group(groupId);
      if (group && !group.deletedDateTime) for (const l of group.assignedLicenses) skus.push(l.skuId);
    }
    return skus;
  }

  #seatsLeft(skuId: string): number {
    const subscription = this.tenant.subscriptions.find((s) => s.skuId === skuId);
    return (subscription?.prepaidEnabled ?? 0) - this.consumedUnits(skuId);
  }

}
