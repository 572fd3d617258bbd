// The shape of one catalog action: what it takes, which Graph requests it makes with which permission and why,
// what an operator and the service principal need, which guards apply and how the result is verified.
import type { z } from "zod";
import type { ActionId } from "./action-ids.ts";
import type { GraphMethod } from "./graph-permission-map.ts";
import type { ModuleId } from "./module-ids.ts";
import type { RoleAction } from "./role-actions.ts";

export interface GraphRequestSpec {
  readonly method: GraphMethod;
  /** Graph v1.0 path template, e.g. "/users/{id}/assignLicense". */
  readonly path: string;
  /** For PATCH /users/{id} and similar: the properties this request may send. */
  readonly properties?: readonly string[];
  /** The application permission chosen for this request: accepted for METHOD + path, the least privileged that fits. */
  readonly permission: string;
  /** One sentence, for a customer's admin: why Tenantry needs this permission for this request. */
  readonly why: string;
  /** Required when `permission` is not among Microsoft's least privileged markers for the path: why another one. */
  readonly notLeastBecause?: string;
  /** Other accepted permissions that also cover this request; the consent check accepts them instead. */
  readonly alternatives?: readonly string[];
  /** Permissions Microsoft requires alongside `permission` for this request. */
  readonly alsoRequires?: readonly string[];
  /**
   * Set when the request is made only in some runs, saying which: the action works in a tenant that has not
   * granted its permission, and the runner refuses only the runs that need it.
   */
  readonly onlyWhen?: string;
}

/** A directory role the application's service principal must hold in the customer tenant. */
export interface ServicePrincipalRoleNeed {
  readonly roleTemplateId: string;
  readonly why: string;
}

/**
 * - `syncedUser`: what to do when the target user is synced from on-premises Active Directory.
 *   "refuse-on-premises-mastered": refuse the properties Active Directory masters (all but `cloudMasteredUserProperties`).
 * - `adminTarget`: which of Microsoft's tables decides when the target user holds an admin role (or is in a
 *   role-assignable group): "password-reset" ("Who can reset passwords"), "sensitive-action" ("Who can perform
 *   sensitive actions"); the operator's roles and the service principal's roles must both be allowed.
 * - `syncedGroup` and `roleAssignableGroup`: the same for a target group.
 */
export interface ActionGuards {
  readonly syncedUser?: "refuse-on-premises-mastered" | "allowed";
  readonly adminTarget?: "password-reset" | "sensitive-action" | "none";
  readonly syncedGroup?: "refuse-on-premises-mastered" | "allowed";
  readonly roleAssignableGroup?: "refuse" | "allowed";
}

export interface ActionDefinition<I = unknown> {
  readonly id: ActionId;
  readonly title: string;
  readonly description: string;
  readonly module: ModuleId;
  readonly kind: "read" | "write";
  /** Validated by the action runner; strict objects, every string bounded. */
  readonly input: z.ZodType<I>;
  /** Every Graph request the action may make, including reads for guards and verification. */
  readonly graph: readonly GraphRequestSpec[];
  readonly servicePrincipalRoles?: readonly ServicePrincipalRoleNeed[];
  /** Entra role actions an operator needs for every run of the action. */
  readonly operatorRoleActions: readonly RoleAction[];
  /** Entra role actions an operator needs in addition, per property the input changes. */
  readonly propertyRoleActions?: Readonly<Record<string, RoleAction>>;
  readonly guards: ActionGuards;
  /** How the action runner verifies the outcome. */
  readonly verify?: string;
}

/** Declares one action; the definition is frozen. */
export function defineAction<I>(definition: ActionDefinition<I>): ActionDefinition<I> {
  return Object.freeze(definition);
}
