import type { Assignment } from "../../api/access-assignments.ts";
import type { Operator } from "../../api/access-operators.ts";

export interface HeldRole {
  readonly assignmentId: string;
  readonly role: string;
  readonly scope: string;
  /** Held through one of the operator's Entra groups rather than directly. */
  readonly throughGroup: boolean;
}

/** The roles an operator holds: its own assignments and those of the Entra groups it was in at its last sign-in. */
export function heldRoles(operator: Operator, assignments: readonly Assignment[]): HeldRole[] {
  return assignments
    .filter((a) => (a.principal.kind === "operator" ? a.principal.id === operator.id : operator.groupIds.includes(a.principal.id)))
    .map((a) => ({ assignmentId: a.id, role: a.role.name, scope: a.scope.display, throughGroup: a.principal.kind === "group" }));
}
