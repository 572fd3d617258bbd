import type { TrackedKind } from "../../directory/change-journal.ts";
import type { GroupRecord, UserRecord } from "../../directory/model.ts";
import type { TenantDirectory } from "../../directory/tenant-directory.ts";
import { defaultGroupProperties, groupPropertySet, readGroupProperty } from "../groups/group-json.ts";
import { defaultUserProperties, readUserProperty, userProperties } from "../users/user-json.ts";
import type { DeltaResourceName } from "./delta-token.ts";

/** What a delta query needs to know of the collection it tracks. */
export interface DeltaResource {
  readonly name: DeltaResourceName;
  readonly kind: TrackedKind;
  /** For Graph's "Could not find a property named ... on type ..." error. */
  readonly typeName: string;
  readonly selectable: ReadonlySet<string>;
  readonly defaultProperties: readonly string[];
  /** Groups report membership changes as `members@delta`. */
  readonly tracksMembers: boolean;
  /** Every object of the collection, soft-deleted ones included, in ascending id order. */
  ids(tenant: TenantDirectory, after: string | undefined): Iterable<string>;
  record(tenant: TenantDirectory, id: string): UserRecord | GroupRecord | undefined;
  read(tenant: TenantDirectory, record: UserRecord | GroupRecord, property: string): unknown;
  /** The Graph properties a changed record field shows up as. */
  propertiesOf(field: string): readonly string[];
}

/**
 * Record fields whose Graph names differ, or that Graph shows as more than one property. Microsoft notes that
 * changes to licenseAssignmentStates are not tracked, so a licence change is reported as assignedLicenses only.
 */
const userFieldProperties: Readonly<Record<string, readonly string[]>> = {
  password: ["passwordProfile", "lastPasswordChangeDateTime"],
  directLicenses: ["assignedLicenses"],
  managerId: ["manager"],
};

export const usersDelta: DeltaResource = {
  name: "users",
  kind: "user",
  typeName: "microsoft.graph.user",
  selectable: userProperties,
  defaultProperties: defaultUserProperties,
  tracksMembers: false,
  ids: (tenant, after) => tenant.userIds.from(after),
  record: (tenant, id) => tenant.user(id),
  read: (tenant, record, property) => readUserProperty(tenant, record as UserRecord, property),
  propertiesOf: (field) => userFieldProperties[field] ?? [field],
};

export const groupsDelta: DeltaResource = {
  name: "groups",
  kind: "group",
  typeName: "microsoft.graph.group",
  selectable: new Set([...groupPropertySet, "members"]),
  defaultProperties: defaultGroupProperties,
  tracksMembers: true,
  ids: (tenant, after) => tenant.groupIds.from(after),
  record: (tenant, id) => tenant.group(id),
  read: (_tenant, record, property) => readGroupProperty(record as GroupRecord, property),
  propertiesOf: (field) => [field],
};
