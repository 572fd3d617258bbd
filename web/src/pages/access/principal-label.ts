import type { Assignment } from "../../api/access-assignments.ts";

/** An operator by its user name; an Entra group by its object id, as Tenantry does not read the MSP's group names. */
export function principalLabel(principal: Assignment["principal"]): string {
  return principal.name ?? (principal.kind === "group" ? `Group ${principal.id}` : principal.id);
}
