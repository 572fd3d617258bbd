import type { GraphRequestSpec } from "../../catalog/action-definition.ts";
import { missingFor } from "../../tenants/consent-health.ts";
import { ActionRefused } from "../action-errors.ts";
import type { ActionContext } from "../action-executor.ts";

/**
 * Before a request the catalog marks `onlyWhen`: the consent check before the run left it out, so that the
 * action's other runs work in a tenant that has not granted it; this run needs it.
 */
export function requireGrantedFor(context: ActionContext, request: GraphRequestSpec): void {
  const missing = missingFor(request, new Set(context.tenant.granted.roles));
  if (missing.length === 0) return;
  const { tenantName, appName, consentUrl } = context.tenant;
  throw new ActionRefused({
    status: 403,
    code: "consent_missing",
    message: `${tenantName} has not granted ${appName} ${missing.join(", ")}, which is needed when ${request.onlyWhen ?? "this run"}.`,
    fix: `A Global Administrator or Privileged Role Administrator of ${tenantName} grants admin consent again, which adds ${missing.join(", ")}: ${consentUrl}`,
  });
}
