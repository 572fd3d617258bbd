// Managing operators and their API tokens. Every change is written to the audit log in the same transaction.
import type { Pool } from "pg";
import { ActionRefused } from "../actions/action-errors.ts";
import type { AuditActor } from "../audit/audit-entry.ts";
import type { AuditLog } from "../audit/audit-log.ts";
import { inTransaction } from "../store/transaction.ts";
import type { TenantsService } from "../tenants/tenants-service.ts";
import { accessAuditActions } from "./access-audit-actions.ts";
import { type ApiTokenSummary, createApiTokens } from "./api-tokens.ts";
import { type AssignmentView, assignmentText, assignmentView, loadAccessNames } from "./assignment-views.ts";
import { createCustomRolesStore } from "./custom-roles-store.ts";
import { refuseRemovingLastPlatformAdministrator } from "./last-platform-administrator.ts";
import { createOperatorsStore, type Operator } from "./operators-store.ts";
import type { TokenScope } from "./principal.ts";
import { createRoleAssignmentsStore } from "./role-assignments-store.ts";
import { createTenantGroupsStore } from "./tenant-groups-store.ts";

export interface OperatorDetails extends Operator {
  /** Its own assignments and those of its groups. */
  readonly roleAssignments: readonly AssignmentView[];
  readonly tokens: readonly ApiTokenSummary[];
}

const dayMs = 86_400_000;

const operatorNotFound = (ref: string) =>
  new ActionRefused({ status: 404, code: "operator_not_found", message: `There is no operator ${ref}.`, fix: "List the operators with `tenantry operators list`, or add one with `tenantry operators add <user principal name>`." });

const operatorTarget = (operator: Operator) => ({ id: operator.id, kind: "operator", display: operator.userPrincipalName });
// Audit entries name a token by its id only (the log redacts anything called a token's value).
const tokenTarget = (id: string, operator: Operator) => ({ id, kind: "api-token", display: `API token of ${operator.userPrincipalName}` });

export function createOperatorsAdmin(deps: { pool: Pick<Pool, "query" | "connect">; audit: Pick<AuditLog, "append">; tenants: Pick<TenantsService, "list"> }) {
  const operators = createOperatorsStore({ pool: deps.pool });
  const assignments = createRoleAssignmentsStore({ pool: deps.pool });

  async function require(ref: string): Promise<Operator> {
    const operator = await operators.find(ref);
    if (!operator) throw operatorNotFound(ref);
    return operator;
  }

  const names = () => loadAccessNames({ operators, customRoles: createCustomRolesStore({ pool: deps.pool }), tenantGroups: createTenantGroupsStore({ pool: deps.pool }), tenants: deps.tenants });

  return {
    /** By id or user principal name; undefined when there is none. */
    find: (ref: string) => operators.find(ref),
    require,

    list: (): Promise<Operator[]> => operators.list(),

    async details(ref: string): Promise<OperatorDetails> {
      const operator = await require(ref);
      const [held, tokens, book] = await Promise.all([assignments.ofPrincipal(operator.id, operator.groupIds), createApiTokens({ pool: deps.pool }).listOf(operator.id), names()]);
      return { ...operator, roleAssignments: held.map((a) => assignmentView(a, book)), tokens };
    },

    /** Undefined when an operator with this user principal name exists already. */
    async add(person: { userPrincipalName: string; displayName?: string | undefined }, actor: AuditActor): Promise<Operator | undefined> {
      return inTransaction(deps.pool, async (tx) => {
        const operator = await createOperatorsStore({ pool: tx }).add({ kind: "person", userPrincipalName: person.userPrincipalName, displayName: person.displayName ?? null });
        if (!operator) return undefined;
        const after = { userPrincipalName: operator.userPrincipalName, displayName: operator.displayName };
        await deps.audit.append({ actor, action: accessAuditActions.operatorAdd, target: operatorTarget(operator), inputs: { ...person }, after, outcome: "succeeded" }, tx);
        return operator;
      });
    },

    /** Removes the operator, its tokens and its own role assignments; never the last Platform Administrator. */
    async remove(ref: string, actor: AuditActor): Promise<Operator> {
      const operator = await require(ref);
      const book = await names();
      return inTransaction(deps.pool, async (tx) => {
        await refuseRemovingLastPlatformAdministrator(tx, { operatorId: operator.id, display: `the operator ${operator.userPrincipalName}` });
        const own = (await createRoleAssignmentsStore({ pool: tx }).list({ principalId: operator.id })).filter((a) => a.principal.kind === "operator");
        await tx.query("DELETE FROM role_assignments WHERE principal_kind = 'operator' AND principal_id = $1", [operator.id]);
        if (!(await createOperatorsStore({ pool: tx }).remove(operator.id))) throw operatorNotFound(ref);
        const before = { userPrincipalName: operator.userPrincipalName, displayName: operator.displayName, kind: operator.kind, roleAssignments: own.map((a) => assignmentText(assignmentView(a, book))) };
        await deps.audit.append({ actor, action: accessAuditActions.operatorRemove, target: operatorTarget(operator), before, after: null, outcome: "succeeded" }, tx);
        return operator;
      });
    },

    /** A new API token for the operator: returned once, kept only as a hash. */
    async issueToken(ref: string, request: { name: string; scopes: readonly TokenScope[]; expiresInDays: number }, actor: AuditActor): Promise<{ token: string; summary: ApiTokenSummary }> {
      const operator = await require(ref);
      return inTransaction(deps.pool, async (tx) => {
        const tokens = createApiTokens({ pool: tx });
        const token = tokens.create();
        const summary = await tokens.store(token, { operatorId: operator.id, name: request.name, scopes: request.scopes, expiresAt: new Date(Date.now() + request.expiresInDays * dayMs) });
        const after = { operator: operator.userPrincipalName, name: summary.name, scopes: [...summary.scopes], expiresAt: summary.expiresAt };
        await deps.audit.append({ actor, action: accessAuditActions.tokenIssue, target: tokenTarget(summary.id, operator), inputs: { operator: operator.userPrincipalName, ...request, scopes: [...request.scopes] }, after, outcome: "succeeded" }, tx);
        return { token, summary };
      });
    },

    /** False when the operator has no active token with this id. */
    async revokeToken(ref: string, tokenId: string, actor: AuditActor): Promise<boolean> {
      const operator = await require(ref);
      return inTransaction(deps.pool, async (tx) => {
        if (!(await createApiTokens({ pool: tx }).revoke(operator.id, tokenId))) return false;
        const target = tokenTarget(tokenId, operator);
        await deps.audit.append({ actor, action: accessAuditActions.tokenRevoke, target, inputs: { operator: operator.userPrincipalName }, before: { revoked: false }, after: { revoked: true }, outcome: "succeeded" }, tx);
        return true;
      });
    },
  };
}

export type OperatorsAdmin = ReturnType<typeof createOperatorsAdmin>;
