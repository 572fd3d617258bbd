import { Caption1, makeStyles, mergeClasses, Spinner, Table, TableBody, TableCell, TableCellLayout, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import type { TenantSummary } from "../../api/overview-summaries.ts";
import type { SyncState } from "../../api/overview-sync.ts";
import { type Tenant, tenantName } from "../../api/tenants.ts";
import { LicenceSeats } from "./licence-seats.tsx";
import { ModuleBadge } from "./module-badge.tsx";
import { SyncCell } from "./sync-cell.tsx";
import { TenantActions } from "./tenant-actions.tsx";
import { UserCounts } from "./user-counts.tsx";

const useStyles = makeStyles({
  table: { tableLayout: "auto" },
  top: { verticalAlign: "top", paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  licences: { minWidth: "260px" },
});

export interface TenantsTableProps {
  readonly tenants: readonly Tenant[];
  readonly summaries: ReadonlyMap<string, TenantSummary> | undefined;
  readonly syncStates: ReadonlyMap<string, SyncState> | undefined;
  readonly canCheckConsent: boolean;
}

/** The modules the checks report, in their order: a column each. */
function modulesOf(tenants: readonly Tenant[]): { module: string; title: string }[] {
  const found = new Map<string, string>();
  for (const tenant of tenants) for (const m of tenant.lastCheck?.modules ?? []) if (!found.has(m.module)) found.set(m.module, m.title);
  return [...found].map(([module, title]) => ({ module, title }));
}

/** One row per tenant: consent per module, users, licences, sync state, and what can be done about it. */
export function TenantsTable({ tenants, summaries, syncStates, canCheckConsent }: TenantsTableProps) {
  const styles = useStyles();
  const modules = modulesOf(tenants);
  const loading = <Spinner size="tiny" label="Loading" />;
  return (
    <Table aria-label="Tenants" className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Tenant</TableHeaderCell>
          {modules.map((m) => (
            <TableHeaderCell key={m.module}>{m.title}</TableHeaderCell>
          ))}
          <TableHeaderCell>Users</TableHeaderCell>
          <TableHeaderCell className={styles.licences}>Licences (assigned / available)</TableHeaderCell>
          <TableHeaderCell>Directory sync</TableHeaderCell>
          <TableHeaderCell>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {tenants.map((tenant) => {
          const name = tenantName(tenant);
          const summary = summaries?.get(tenant.tenantId);
          const syncState = syncStates?.get(tenant.tenantId);
          // Nothing read yet: no count, rather than counts of zero.
          const cached = !syncState || syncState.lastSuccessAt !== null || (summary?.userCounts.users ?? 0) > 0;
          return (
            <TableRow key={tenant.tenantId} aria-label={name}>
              <TableCell className={styles.top}>
                <TableCellLayout description={tenant.defaultDomain && tenant.defaultDomain !== name ? tenant.defaultDomain : undefined}>{name}</TableCellLayout>
              </TableCell>
              {modules.map((m) => (
                <TableCell key={m.module} className={styles.top}>
                  <ModuleBadge health={tenant.lastCheck?.modules.find((h) => h.module === m.module)} />
                </TableCell>
              ))}
              <TableCell className={styles.top}>{!summaries ? loading : summary && cached ? <UserCounts counts={summary.userCounts} /> : <Caption1 wrap={false}>Not cached yet</Caption1>}</TableCell>
              <TableCell className={mergeClasses(styles.top, styles.licences)}>{!summaries ? loading : summary && cached ? <LicenceSeats tenantName={name} skus={summary.skus} /> : null}</TableCell>
              <TableCell className={styles.top}>{syncStates ? <SyncCell state={syncState} /> : loading}</TableCell>
              <TableCell className={styles.top}>
                <TenantActions tenant={tenant} canCheckConsent={canCheckConsent} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
