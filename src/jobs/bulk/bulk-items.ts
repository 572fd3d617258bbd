// Turns a selection into the job's items: each target's tenant must be connected and visible to the creator,
// and its input (template, target, row) must pass the action's schema. A target that fails is kept as a
// refused item with the reason; the others run.
import type { OperatorAccess } from "../../access/operator-access.ts";
import { ActionInputError } from "../../actions/action-errors.ts";
import { parseInput } from "../../actions/action-runner.ts";
import type { JsonObject } from "../../audit/audit-entry.ts";
import { canonicalJson } from "../../audit/audit-hash.ts";
import { redactSecrets, toJson } from "../../audit/redact-secrets.ts";
import type { ActionDefinition } from "../../catalog/action-definition.ts";
import { TenantsError, type TenantsService, tenantNotConnected } from "../../tenants/tenants-service.ts";
import { type BulkInputShape, itemInput } from "./bulk-input.ts";
import type { BulkItemError, NewBulkItem, SelectedTarget } from "./bulk-job.ts";

/** Secrets are never kept in a job: a password would sit in the database, and a generated one would be shown to nobody. */
export function holdsSecret(input: unknown): boolean {
  return canonicalJson(redactSecrets(input)) !== canonicalJson(toJson(input));
}

export const secretRefusal: BulkItemError = {
  code: "secret_in_bulk",
  message: "Bulk jobs do not take passwords or other secrets, and do not make ones nobody would see.",
  fix: "Run this action one user at a time, where the secret is shown to you once.",
};

export function createItemChecker(deps: { tenants: Pick<TenantsService, "get">; access: Pick<OperatorAccess, "canSee"> }) {
  const tenantIds = new Map<string, Promise<string | BulkItemError>>();

  /** The tenant's id, or the same "not connected" answer for a tenant the creator may not see. */
  function tenantIdOf(tenant: string): Promise<string | BulkItemError> {
    const key = tenant.toLowerCase();
    let found = tenantIds.get(key);
    if (!found) {
      found = deps.tenants.get(tenant, (tenantId) => deps.access.canSee(tenantId)).then(
        (connection) => connection.tenantId,
        (error: unknown) => {
          if (error instanceof TenantsError && error.status === 404) return notConnected(tenant);
          throw error;
        },
      );
      tenantIds.set(key, found);
    }
    return found;
  }

  return async function check(definition: ActionDefinition, shape: BulkInputShape, template: JsonObject, selected: SelectedTarget): Promise<NewBulkItem> {
    const base = { row: selected.row, tenant: selected.tenant, target: selected.target };
    const refused = (refusal: BulkItemError, tenantId: string | null = null): NewBulkItem => ({ ...base, tenantId, input: null, refusal });
    const tenantId = selected.tenant ? await tenantIdOf(selected.tenant) : undefined;
    if (selected.problem) return refused(selected.problem, typeof tenantId === "string" ? tenantId : null);
    if (typeof tenantId !== "string") return refused(tenantId ?? { code: "invalid_row", field: "tenant", message: "tenant: empty." });
    const input = itemInput(shape, template, selected.target, selected.columns);
    if (holdsSecret(input)) return refused(secretRefusal, tenantId);
    try {
      parseInput(definition.input, input);
    } catch (error) {
      if (!(error instanceof ActionInputError)) throw error;
      return refused({ code: "invalid_input", field: error.field, message: error.message }, tenantId);
    }
    return { ...base, tenantId, input, refusal: null };
  };
}

function notConnected(tenant: string): BulkItemError {
  const error = tenantNotConnected(tenant);
  return { code: "tenant_not_connected", field: "tenant", message: error.message, fix: error.fix };
}
