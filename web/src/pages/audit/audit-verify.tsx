import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { ShieldCheckmarkRegular } from "@fluentui/react-icons";
import type { AuditVerification, useAuditVerification } from "../../api/audit.ts";
import { ErrorBar } from "../../app/error-bar.tsx";

const useStyles = makeStyles({
  button: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-end" },
  reason: { color: tokens.colorNeutralForeground3 },
  hash: { fontFamily: tokens.fontFamilyMonospace },
});

type Verification = ReturnType<typeof useAuditVerification>;

/** Recomputes the hash chain; only Auditors and Platform Administrators may, others see why not. */
export function VerifyButton({ verification, allowed }: { readonly verification: Verification; readonly allowed: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.button}>
      <Button icon={verification.isPending ? <Spinner size="tiny" /> : <ShieldCheckmarkRegular />} disabled={!allowed || verification.isPending} onClick={() => verification.mutate()}>
        Verify the chain
      </Button>
      {allowed ? null : <Text size={200} className={styles.reason}>Verifying the whole log needs the Tenantry role Auditor.</Text>}
    </div>
  );
}

function Verdict({ result }: { readonly result: AuditVerification }) {
  const styles = useStyles();
  if (result.ok) {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The chain is intact</MessageBarTitle>
          {result.entries.toLocaleString()} {result.entries === 1 ? "entry" : "entries"} checked.
          {result.head ? (
            <>
              {" "}
              The last is #{result.head.sequence}, hash <span className={styles.hash}>{result.head.hash.slice(0, 16)}…</span>
            </>
          ) : null}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The chain is broken at entry #{result.firstBadSequence}</MessageBarTitle>
        An entry was {result.reason}: {result.message}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What the last verification found. */
export function VerifyResult({ verification }: { readonly verification: Verification }) {
  if (verification.error) return <ErrorBar error={verification.error} title="The chain could not be verified" />;
  return verification.data ? <Verdict result={verification.data} /> : null;
}
