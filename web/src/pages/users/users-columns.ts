// The users table's columns: what each shows (also what the CSV export writes), how wide it may be, and
// which of the search's sorts its header applies.
import type { UserSearchSort } from "../../../../src/directory/search-query.ts";
import type { UserRow } from "../../api/users-search.ts";

export interface UserColumn {
  readonly id: string;
  readonly label: string;
  /** Narrowest width in pixels; wider columns share the rest by `grow`. */
  readonly minWidth: number;
  readonly grow: number;
  readonly sort?: UserSearchSort;
  /** Always shown: the name is the row's link. */
  readonly required?: boolean;
  readonly shownByDefault: boolean;
  readonly text: (row: UserRow, roleNames: ReadonlyMap<string, string>) => string;
}

const yesNoText = (value: boolean | null, yes: string, no: string) => (value === null ? "" : value ? yes : no);

export const userColumns: readonly UserColumn[] = [
  { id: "displayName", label: "Name", minWidth: 180, grow: 2, sort: "displayName", required: true, shownByDefault: true, text: (r) => r.displayName ?? "" },
  { id: "userPrincipalName", label: "User name", minWidth: 220, grow: 3, sort: "userPrincipalName", shownByDefault: true, text: (r) => r.userPrincipalName },
  { id: "tenant", label: "Tenant", minWidth: 120, grow: 1, sort: "tenant", shownByDefault: true, text: (r) => r.tenantName },
  { id: "mail", label: "Mail", minWidth: 200, grow: 2, shownByDefault: false, text: (r) => r.mail ?? "" },
  { id: "accountEnabled", label: "Sign-in", minWidth: 90, grow: 0, shownByDefault: true, text: (r) => yesNoText(r.accountEnabled, "Enabled", "Blocked") },
  { id: "userType", label: "Type", minWidth: 80, grow: 0, shownByDefault: true, text: (r) => r.userType ?? "" },
  { id: "synced", label: "Source", minWidth: 90, grow: 0, shownByDefault: true, text: (r) => (r.synced ? "Synced" : "Cloud") },
  { id: "jobTitle", label: "Job title", minWidth: 150, grow: 1, shownByDefault: false, text: (r) => r.jobTitle ?? "" },
  { id: "department", label: "Department", minWidth: 130, grow: 1, shownByDefault: false, text: (r) => r.department ?? "" },
  { id: "usageLocation", label: "Usage location", minWidth: 80, grow: 0, shownByDefault: false, text: (r) => r.usageLocation ?? "" },
  { id: "licenses", label: "Licences", minWidth: 150, grow: 2, shownByDefault: true, text: (r) => r.licenses.join(", ") },
  { id: "adminRoles", label: "Admin roles", minWidth: 150, grow: 2, shownByDefault: true, text: (r, names) => r.adminRoleIds.map((id) => names.get(id.toLowerCase()) ?? id).join(", ") },
  { id: "tenantId", label: "Tenant ID", minWidth: 290, grow: 0, shownByDefault: false, text: (r) => r.tenantId },
  { id: "id", label: "Object ID", minWidth: 290, grow: 0, shownByDefault: false, text: (r) => r.id },
];

/** The grid's track sizes for these columns, after the selection column. */
export function gridTemplateOf(columns: readonly UserColumn[], selectionWidth: number): string {
  return [`${selectionWidth}px`, ...columns.map((c) => (c.grow > 0 ? `minmax(${c.minWidth}px, ${c.grow}fr)` : `${c.minWidth}px`))].join(" ");
}

export function minimumWidthOf(columns: readonly UserColumn[], selectionWidth: number): number {
  return columns.reduce((sum, c) => sum + c.minWidth, selectionWidth);
}
