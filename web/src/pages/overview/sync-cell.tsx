import { Caption1, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import type { SyncState } from "../../api/overview-sync.ts";
import { counted } from "./counted.ts";
import { absoluteTime, relativeTime } from "./format-time.ts";

const useStyles = makeStyles({
  cell: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** When the directory cache was last brought up to date, and why the last sync failed if it did. */
export function SyncCell({ state }: { readonly state: SyncState | undefined }) {
  const styles = useStyles();
  if (!state) return <Caption1>Unknown</Caption1>;
  return (
    <div className={styles.cell}>
      {state.runningSince ? <Spinner size="extra-tiny" label={`Syncing since ${relativeTime(state.runningSince)}`} /> : null}
      {state.lastSuccessAt ? (
        <Text title={absoluteTime(state.lastSuccessAt)}>Synced {relativeTime(state.lastSuccessAt)}</Text>
      ) : (
        <Text>Never synced</Text>
      )}
      {state.lastSuccessAt && state.lastKind ? (
        <Caption1>
          {state.lastKind} sync, {counted(state.lastChanges ?? 0, "change")}
        </Caption1>
      ) : null}
      {state.lastError ? (
        <Caption1 className={styles.error} title={state.lastErrorAt ? absoluteTime(state.lastErrorAt) : undefined}>
          Failed{state.lastErrorAt ? ` ${relativeTime(state.lastErrorAt)}` : ""} at {state.lastError.step}: {state.lastError.message}
        </Caption1>
      ) : null}
    </div>
  );
}
