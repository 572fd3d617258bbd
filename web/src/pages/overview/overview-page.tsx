import { Body1, makeStyles, Spinner, Title2, tokens } from "@fluentui/react-components";
import { isPlatformAdministrator, useMe } from "../../api/me.ts";
import { useTenantSummaries } from "../../api/overview-summaries.ts";
import { useSyncStates } from "../../api/overview-sync.ts";
import { useTenants } from "../../api/tenants.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { allTenants, useTenantScope } from "../../app/tenant-scope.tsx";
import { ConsentBanners } from "./consent-banners.tsx";
import { consentProblemOf } from "./consent-problems.ts";
import { TenantsTable } from "./tenants-table.tsx";

const useStyles = makeStyles({
  heading: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  errors: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  scroll: { overflowX: "auto" },
});

function byTenant<T extends { tenantId: string }>(items: readonly T[] | undefined): ReadonlyMap<string, T> | undefined {
  return items ? new Map(items.map((item) => [item.tenantId, item])) : undefined;
}

/** The first page: every tenant the operator sees (or the one chosen), and at a glance what needs attention. */
export default function OverviewPage() {
  const styles = useStyles();
  const { tenant } = useTenantScope();
  const me = useMe();
  const tenants = useTenants();
  const summaries = useTenantSummaries(tenant);
  const syncStates = useSyncStates(tenant);

  if (tenants.isPending) return <Spinner label="Loading tenants" />;
  if (tenants.error) return <ErrorBar error={tenants.error} title="The tenants could not be loaded" />;
  const shown = tenant === allTenants ? tenants.data : tenants.data.filter((t) => t.tenantId === tenant);
  const attention = shown.filter((t) => consentProblemOf(t)).length;

  return (
    <>
      <div className={styles.heading}>
        <Title2 as="h1">Tenants</Title2>
        <Body1>
          {shown.length === 1 ? "1 tenant" : `${shown.length} tenants`}
          {attention > 0 ? `, ${attention} ${attention === 1 ? "needs" : "need"} attention` : ", all ready"}
        </Body1>
      </div>
      {shown.length > 0 && (summaries.error || syncStates.error) ? (
        <div className={styles.errors}>
          {summaries.error ? <ErrorBar error={summaries.error} title="Users and licences could not be loaded" /> : null}
          {syncStates.error ? <ErrorBar error={syncStates.error} title="The sync states could not be loaded" /> : null}
        </div>
      ) : null}
      {shown.length === 0 ? (
        <Body1>{tenant === allTenants ? "No tenant is connected yet, or you have no role in any." : "The tenant chosen is not connected, or you have no role in it: choose another one above."}</Body1>
      ) : (
        <>
          <ConsentBanners tenants={shown} />
          <div className={styles.scroll}>
            <TenantsTable tenants={shown} summaries={byTenant(summaries.data)} syncStates={byTenant(syncStates.data)} canCheckConsent={me.data ? isPlatformAdministrator(me.data) : false} />
          </div>
        </>
      )}
    </>
  );
}
