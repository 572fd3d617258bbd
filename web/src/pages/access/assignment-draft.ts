// What the "add a role assignment" form holds, and the request it makes of it.
import type { NewAssignment } from "../../api/access-assignments.ts";

export type PrincipalKind = "operator" | "group";
export type ScopeKind = "tenant" | "tenant-group" | "all" | "all-except";

export interface AssignmentDraft {
  readonly principalKind: PrincipalKind;
  /** Operator id. */
  readonly operator: string;
  /** Entra group object id. */
  readonly group: string;
  /** Role id: a built-in role's template id, a custom role's id or a platform role's id. */
  readonly role: string;
  readonly scopeKind: ScopeKind;
  readonly tenant: string;
  readonly tenantGroup: string;
  readonly exceptTenants: readonly string[];
}

export const emptyDraft: AssignmentDraft = { principalKind: "operator", operator: "", group: "", role: "", scopeKind: "tenant", tenant: "", tenantGroup: "", exceptTenants: [] };

function scopeOf(draft: AssignmentDraft): NewAssignment["scope"] {
  if (draft.scopeKind === "tenant") return { tenant: draft.tenant };
  if (draft.scopeKind === "tenant-group") return { tenantGroup: draft.tenantGroup };
  if (draft.scopeKind === "all-except") return { allExcept: [...draft.exceptTenants] };
  return { all: true };
}

/** The request as the administrator filled it in: the API judges what is missing or wrong and names the field. */
export function assignmentRequest(draft: AssignmentDraft): NewAssignment {
  return {
    principal: draft.principalKind === "operator" ? { operator: draft.operator } : { group: draft.group.trim() },
    role: draft.role,
    scope: scopeOf(draft),
  };
}
