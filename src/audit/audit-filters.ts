import type { AuditOutcome } from "./audit-entry.ts";

export interface AuditFilters {
  readonly tenantId?: string;
  /** An operator's name (any case) or id. */
  readonly actor?: string;
  /** A target's id, or text found in its display name. */
  readonly target?: string;
  readonly action?: string;
  readonly outcome?: AuditOutcome;
  /** Inclusive. */
  readonly from?: Date;
  /** Exclusive. */
  readonly to?: Date;
  /** Only entries of these tenants: every tenant but `except` when `everyTenant`, else those in `include`. */
  readonly visibleTenants?: { readonly everyTenant: boolean; readonly except: readonly string[]; readonly include: readonly string[] };
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** SQL conditions for the filters; their values are pushed onto `params`. */
export function filterConditions(filters: AuditFilters, params: unknown[]): string[] {
  const conditions: string[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (filters.tenantId !== undefined) conditions.push(`tenant_id = ${param(filters.tenantId)}`);
  if (filters.actor !== undefined) {
    const p = param(filters.actor);
    conditions.push(`(lower(actor->>'name') = lower(${p}) OR actor->>'operatorId' = ${p})`);
  }
  if (filters.target !== undefined) {
    conditions.push(`(target->>'id' = ${param(filters.target)} OR target->>'display' ILIKE ${param(likePattern(filters.target))})`);
  }
  if (filters.action !== undefined) conditions.push(`action = ${param(filters.action)}`);
  if (filters.outcome !== undefined) conditions.push(`outcome = ${param(filters.outcome)}`);
  if (filters.from !== undefined) conditions.push(`occurred_at >= ${param(filters.from)}`);
  if (filters.to !== undefined) conditions.push(`occurred_at < ${param(filters.to)}`);
  const visible = filters.visibleTenants;
  if (visible) {
    const included = `tenant_id = ANY(${param(visible.include)}::uuid[])`;
    conditions.push(visible.everyTenant ? `((tenant_id IS NOT NULL AND tenant_id <> ALL(${param(visible.except)}::uuid[])) OR ${included})` : included);
  }
  return conditions;
}
