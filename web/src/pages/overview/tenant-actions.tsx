import { Button, Caption1, makeStyles, Spinner, Tooltip, tokens } from "@fluentui/react-components";
import { ArrowSyncRegular, ShieldCheckmarkRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useCheckConsent } from "../../api/overview-consent.ts";
import { useAwaitedSync, useSyncNow } from "../../api/overview-sync.ts";
import type { Tenant } from "../../api/tenants.ts";
import { tenantName } from "../../api/tenants.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { counted } from "./counted.ts";

const useStyles = makeStyles({
  cell: { display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalXS, minWidth: "170px" },
  outcome: { color: tokens.colorNeutralForeground2 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const onlyAdministrators = "Only a Platform Administrator can check consent again.";

function CheckConsentButton({ tenant, allowed }: { readonly tenant: Tenant; readonly allowed: boolean }) {
  const styles = useStyles();
  const check = useCheckConsent(tenant.tenantId);
  const name = tenantName(tenant);
  const button = (
    <Button
      size="small"
      icon={check.isPending ? <Spinner size="extra-tiny" /> : <ShieldCheckmarkRegular />}
      disabledFocusable={!allowed || check.isPending}
      aria-label={`Check consent again for ${name}`}
      onClick={() => check.mutate()}
    >
      Check consent again
    </Button>
  );
  return (
    <>
      {allowed ? (
        button
      ) : (
        <Tooltip content={onlyAdministrators} relationship="description">
          {button}
        </Tooltip>
      )}
      {check.data ? (
        <Caption1 role="status" className={styles.outcome}>
          Checked: {check.data.lastCheck?.modules.map((m) => `${m.title} ${m.state}`).join(", ") ?? "no result"}
        </Caption1>
      ) : null}
      {check.error ? <ErrorBar error={check.error} title={`Consent of ${name} could not be checked`} /> : null}
    </>
  );
}

function SyncNowButton({ tenant }: { readonly tenant: Tenant }) {
  const styles = useStyles();
  const sync = useSyncNow(tenant.tenantId);
  const [requestedAt, setRequestedAt] = useState<string>();
  const awaited = useAwaitedSync(tenant.tenantId, requestedAt);
  const name = tenantName(tenant);
  const outcome = awaited.data?.outcome;
  const waiting = sync.isPending || (requestedAt !== undefined && !outcome);
  const error = awaited.data?.state.lastError;
  return (
    <>
      <Button
        size="small"
        icon={waiting ? <Spinner size="extra-tiny" /> : <ArrowSyncRegular />}
        disabledFocusable={waiting}
        aria-label={`Sync ${name} now`}
        onClick={() => sync.mutate(undefined, { onSuccess: (answer) => setRequestedAt(answer.requestedAt) })}
      >
        Sync now
      </Button>
      {requestedAt ? (
        <Caption1 role="status" className={outcome === "failed" ? styles.failed : styles.outcome}>
          {outcome === "succeeded"
            ? `Synced: ${counted(awaited.data?.state.lastChanges ?? 0, "change")}`
            : outcome === "failed"
              ? `Sync failed at ${error?.step ?? "a step"}: ${error?.message ?? "no reason given"}`
              : awaited.data?.state.runningSince
                ? "Syncing…"
                : "Sync queued…"}
        </Caption1>
      ) : null}
      {sync.error ? <ErrorBar error={sync.error} title={`${name} could not be synced`} /> : null}
      {awaited.error ? <ErrorBar error={awaited.error} title="The sync's progress could not be read" /> : null}
    </>
  );
}

/** What an operator can do from the overview: check the tenant's consent again, and sync its directory now. */
export function TenantActions({ tenant, canCheckConsent }: { readonly tenant: Tenant; readonly canCheckConsent: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.cell}>
      <CheckConsentButton tenant={tenant} allowed={canCheckConsent} />
      <SyncNowButton tenant={tenant} />
    </div>
  );
}
