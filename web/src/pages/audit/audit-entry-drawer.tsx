import { Button, DrawerBody, DrawerHeader, DrawerHeaderTitle, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, OverlayDrawer, Subtitle2, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import type { AuditEntry } from "../../api/audit.ts";
import { AuditDiff } from "./audit-diff.tsx";
import { OutcomeBadge } from "./outcome-badge.tsx";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXXL },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  detail: { margin: 0, overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, margin: 0, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function Fact({ term, children }: { readonly term: string; readonly children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.detail}>{children}</dd>
    </>
  );
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** An entry's error as Tenantry recorded it: its message, the fix, and Graph's code and request id when Graph answered. */
function EntryError({ error }: { readonly error: Readonly<Record<string, unknown>> }) {
  const styles = useStyles();
  const code = text(error.code);
  const fix = text(error.fix);
  const requestId = text(error.graphRequestId);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{code ?? "Error"}</MessageBarTitle>
        {text(error.message) ?? JSON.stringify(error)}
        {fix ? <div>Fix: {fix}</div> : null}
        {requestId ? <div className={styles.code}>Graph request id: {requestId}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}

export function AuditEntryDrawer({ entry, tenantLabel, onClose }: { readonly entry: AuditEntry | null; readonly tenantLabel: (tenantId: string | null) => string; readonly onClose: () => void }) {
  const styles = useStyles();
  return (
    <OverlayDrawer open={entry !== null} onOpenChange={(_, data) => (data.open ? undefined : onClose())} position="end" size="large">
      {entry ? (
        <>
          <DrawerHeader>
            <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>{entry.action}</DrawerHeaderTitle>
          </DrawerHeader>
          <DrawerBody className={styles.body}>
            <dl className={styles.facts}>
              <Fact term="Outcome">
                <OutcomeBadge outcome={entry.outcome} />
              </Fact>
              <Fact term="Time">{new Date(entry.occurredAt).toLocaleString()}</Fact>
              <Fact term="Actor">
                {entry.actor.name} (through the {entry.actor.via})
              </Fact>
              <Fact term="Tenant">{tenantLabel(entry.tenantId)}</Fact>
              <Fact term="Target">{entry.target ? `${entry.target.display ?? entry.target.id ?? ""} (${entry.target.kind}${entry.target.id && entry.target.display ? `, ${entry.target.id}` : ""})` : "(none)"}</Fact>
              {entry.durationMs !== null ? <Fact term="Duration">{entry.durationMs} ms</Fact> : null}
              <Fact term="Correlation id">
                <span className={styles.code}>{entry.correlationId}</span>
              </Fact>
              <Fact term="Entry">
                <span className={styles.code}>
                  #{entry.sequence}, hash {entry.hash.slice(0, 16)}…
                </span>
              </Fact>
            </dl>
            {entry.error ? <EntryError error={entry.error} /> : null}
            <section aria-label="Before and after">
              <Subtitle2 as="h3">Before and after</Subtitle2>
              <AuditDiff before={entry.before} after={entry.after} />
            </section>
            <section aria-label="Inputs">
              <Subtitle2 as="h3">Inputs</Subtitle2>
              <pre className={styles.json}>{JSON.stringify(entry.inputs, null, 2)}</pre>
            </section>
            <section aria-label="Graph request ids">
              <Subtitle2 as="h3">Graph request ids</Subtitle2>
              {entry.graphRequestIds.length === 0 ? (
                <p>None: this entry made no Graph request.</p>
              ) : (
                <ul className={styles.list}>
                  {entry.graphRequestIds.map((id) => (
                    <li key={id} className={styles.code}>
                      {id}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </DrawerBody>
        </>
      ) : null}
    </OverlayDrawer>
  );
}
