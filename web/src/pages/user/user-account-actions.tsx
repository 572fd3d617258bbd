import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ArrowResetRegular, DeleteRegular, KeyResetRegular, PersonAvailableRegular, PersonProhibitedRegular, SignOutRegular } from "@fluentui/react-icons";
import { type ReactElement, useId, useState } from "react";
import { actionIds } from "../../../../src/catalog/action-ids.ts";
import { accepted, type RunAnswer, type RunOutcome, runAction } from "../../api/user-action-run.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { OutcomeBar } from "./outcome-bar.tsx";
import { PasswordOnceDialog } from "./password-once-dialog.tsx";
import { ResetPasswordDialog } from "./reset-password-dialog.tsx";
import type { Refusals } from "./user-refusals.ts";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

export interface UserAccountActionsProps {
  readonly tenant: string;
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly accountEnabled: boolean | null;
  readonly deleted: boolean;
  readonly refusals: Refusals;
  /** The catalog's title of an action, for outcomes. */
  readonly actionOf: (id: string) => { readonly id: string; readonly title: string };
  readonly onChanged: () => void;
}

interface Control {
  readonly action: string;
  readonly label: string;
  readonly icon: ReactElement;
  readonly onClick: () => void;
}

/** Enable or disable, reset the password, revoke sessions, delete or restore: each disabled with the reason when the operator may not. */
export function UserAccountActions({ tenant, userId, userPrincipalName, accountEnabled, deleted, refusals, actionOf, onChanged }: UserAccountActionsProps) {
  const styles = useStyles();
  const reasonsId = useId();
  const [outcome, setOutcome] = useState<RunOutcome>();
  const [busy, setBusy] = useState<string>();
  const [dialog, setDialog] = useState<"reset" | "delete">();
  const [password, setPassword] = useState<string>();

  function finish(answer: RunAnswer) {
    setOutcome(answer.outcome);
    if (accepted(answer.outcome)) onChanged();
  }

  async function run(actionId: string) {
    setBusy(actionId);
    const answer = await runAction(tenant, actionOf(actionId), { userId });
    setBusy(undefined);
    setDialog(undefined);
    finish(answer);
  }

  const controls: Control[] = deleted
    ? [{ action: actionIds.usersRestore, label: "Restore", icon: <ArrowResetRegular />, onClick: () => void run(actionIds.usersRestore) }]
    : [
        accountEnabled === false
          ? { action: actionIds.usersEnable, label: "Enable sign-in", icon: <PersonAvailableRegular />, onClick: () => void run(actionIds.usersEnable) }
          : { action: actionIds.usersDisable, label: "Disable sign-in", icon: <PersonProhibitedRegular />, onClick: () => void run(actionIds.usersDisable) },
        { action: actionIds.usersResetPassword, label: "Reset password", icon: <KeyResetRegular />, onClick: () => setDialog("reset") },
        { action: actionIds.usersRevokeSessions, label: "Revoke sessions", icon: <SignOutRegular />, onClick: () => void run(actionIds.usersRevokeSessions) },
        { action: actionIds.usersDelete, label: "Delete", icon: <DeleteRegular />, onClick: () => setDialog("delete") },
      ];
  const refused = controls.flatMap((control) => {
    const reason = refusals.of(control.action);
    return reason ? [{ control, reason }] : [];
  });

  return (
    <section className={styles.section} aria-label="Account actions">
      <div className={styles.toolbar}>
        {controls.map((control) => {
          const reason = refusals.of(control.action);
          return (
            <Button
              key={control.action}
              icon={control.icon}
              disabledFocusable={reason !== undefined || busy !== undefined}
              aria-describedby={reason ? `${reasonsId}-${control.action}` : undefined}
              onClick={control.onClick}
            >
              {busy === control.action ? `${control.label}…` : control.label}
            </Button>
          );
        })}
      </div>
      {refused.length > 0 ? (
        <ul className={styles.reasons}>
          {refused.map(({ control, reason }) => (
            <li key={control.action} id={`${reasonsId}-${control.action}`}>
              <Text size={200}>
                <strong>{control.label}</strong> is not available: {reason}
              </Text>
            </li>
          ))}
        </ul>
      ) : null}
      <OutcomeBar outcome={outcome} />
      {dialog === "reset" ? (
        <ResetPasswordDialog
          tenant={tenant}
          userId={userId}
          userPrincipalName={userPrincipalName}
          action={actionOf(actionIds.usersResetPassword)}
          onClose={() => setDialog(undefined)}
          onDone={(answer) => {
            setDialog(undefined);
            const generated = answer.secret?.password;
            if (typeof generated === "string") setPassword(generated);
            finish(answer);
          }}
        />
      ) : null}
      {dialog === "delete" ? (
        <ConfirmDialog title={`Delete ${userPrincipalName}?`} confirm="Delete" busy={busy !== undefined} onConfirm={() => void run(actionIds.usersDelete)} onClose={() => setDialog(undefined)}>
          The user can no longer sign in and leaves its groups. Entra keeps deleted users for 30 days: until then you can restore it from this page.
        </ConfirmDialog>
      ) : null}
      {password ? <PasswordOnceDialog userPrincipalName={userPrincipalName} password={password} onClose={() => setPassword(undefined)} /> : null}
    </section>
  );
}
