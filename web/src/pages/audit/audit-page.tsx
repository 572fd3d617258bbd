import { Button, makeStyles, Spinner, Text, Title2, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { withQuery } from "../../api/api-client.ts";
import { type AuditEntry, type AuditFilters as AuditQuery, useAuditEntries, useAuditVerification } from "../../api/audit.ts";
import { useCatalog } from "../../api/catalog.ts";
import { isPlatformAdministrator, useMe } from "../../api/me.ts";
import { useTenantLabel } from "../../api/tenants.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { allTenants, useTenantScope } from "../../app/tenant-scope.tsx";
import { bulkJobAuditActions } from "../../../../src/jobs/bulk/bulk-job.ts";
import { AuditEntryDrawer } from "./audit-entry-drawer.tsx";
import { type AuditFilterText, AuditFilters, noFilters } from "./audit-filters.tsx";
import { AuditTable } from "./audit-table.tsx";
import { VerifyButton, VerifyResult } from "./audit-verify.tsx";
import { useDebounced } from "../../app/use-debounced.ts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
  tools: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start", flexWrap: "wrap" },
  footer: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
  flush: { margin: 0 },
  lead: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalXS} 0 0` },
});

/** A datetime-local value (the browser's time zone) as the API's ISO 8601; undefined when empty or unreadable. */
function isoOf(local: string): string | undefined {
  if (!local) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

function queryOf(text: AuditFilterText, tenant: string): AuditQuery {
  const since = isoOf(text.since);
  const until = isoOf(text.until);
  return {
    ...(tenant !== allTenants ? { tenant } : {}),
    ...(text.action.trim() ? { action: text.action.trim() } : {}),
    ...(text.outcome ? { outcome: text.outcome } : {}),
    ...(text.actor.trim() ? { actor: text.actor.trim() } : {}),
    ...(text.target.trim() ? { target: text.target.trim() } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

export default function AuditPage() {
  const styles = useStyles();
  const me = useMe();
  const catalog = useCatalog();
  const { tenant } = useTenantScope();
  const [filters, setFilters] = useState<AuditFilterText>(noFilters);
  const query = useDebounced(useMemo(() => queryOf(filters, tenant), [filters, tenant]), 300);
  const entries = useAuditEntries(query);
  const [opened, setOpened] = useState<AuditEntry | null>(null);
  const verification = useAuditVerification();

  const nameOf = useTenantLabel();
  const tenantLabel = (tenantId: string | null) => (tenantId ? nameOf(tenantId) : "Tenantry itself");
  const actionIds = useMemo(() => [...(catalog.data?.value ?? []).map((a) => a.id), ...Object.values(bulkJobAuditActions)].sort(), [catalog.data]);
  const auditor = me.data ? isPlatformAdministrator(me.data) || me.data.platformRoles.some((role) => role.id === "auditor") : false;
  const rows = entries.data?.pages.flatMap((page) => page.value) ?? [];
  const exportLink = (format: "csv" | "json") => withQuery("/api/audit/export", { ...query, format });

  return (
    <div className={styles.page}>
      <div className={styles.heading}>
        <div>
          <Title2 as="h1" block className={styles.flush}>
            Audit log
          </Title2>
          <Text as="p" block className={styles.lead}>
            {tenant === allTenants ? "Every tenant you see" : `Tenant ${tenantLabel(tenant)}`} (choose the tenant at the top). Every request, decision and change, newest first.
          </Text>
        </div>
        <div className={styles.tools}>
          <Button as="a" href={exportLink("csv")} download icon={<ArrowDownloadRegular />}>
            Export CSV
          </Button>
          <Button as="a" href={exportLink("json")} download icon={<ArrowDownloadRegular />}>
            Export JSON
          </Button>
          <VerifyButton verification={verification} allowed={auditor} />
        </div>
      </div>
      <VerifyResult verification={verification} />
      <AuditFilters value={filters} onChange={setFilters} actionIds={actionIds} />
      {entries.error ? <ErrorBar error={entries.error} title="The audit log could not be read" /> : null}
      {entries.isPending ? <Spinner label="Reading the audit log" /> : null}
      {entries.data ? (
        <>
          <AuditTable entries={rows} tenantLabel={tenantLabel} onOpen={setOpened} />
          <div className={styles.footer}>
            <Text role="status">{rows.length === 0 ? "No entries match these filters." : `${rows.length.toLocaleString()} ${rows.length === 1 ? "entry" : "entries"} shown${entries.hasNextPage ? "; more match" : ""}.`}</Text>
            {entries.hasNextPage ? (
              <Button onClick={() => void entries.fetchNextPage()} disabled={entries.isFetchingNextPage}>
                {entries.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            ) : null}
          </div>
        </>
      ) : null}
      <AuditEntryDrawer entry={opened} tenantLabel={tenantLabel} onClose={() => setOpened(null)} />
    </div>
  );
}
