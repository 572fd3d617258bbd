import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, makeStyles, Radio, RadioGroup, Switch, tokens } from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { accepted, type RunAnswer, runAction } from "../../api/user-action-run.ts";
import { OutcomeBar } from "./outcome-bar.tsx";

const useStyles = makeStyles({ content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM } });

export interface ResetPasswordDialogProps {
  readonly tenant: string;
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly action: { readonly id: string; readonly title: string };
  readonly onClose: () => void;
  /** The run's answer; a generated password travels in it to the one dialog that shows it. */
  readonly onDone: (answer: RunAnswer) => void;
}

/** A generated or chosen password, and whether the user must change it at next sign-in. */
export function ResetPasswordDialog({ tenant, userId, userPrincipalName, action, onClose, onDone }: ResetPasswordDialogProps) {
  const styles = useStyles();
  const [mode, setMode] = useState<"generate" | "custom">("generate");
  const [value, setValue] = useState("");
  const [force, setForce] = useState(true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RunAnswer["outcome"]>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const password = mode === "generate" ? { mode } : { mode, value };
    const answer = await runAction(tenant, action, { userId, password, forceChangePasswordNextSignIn: force });
    setBusy(false);
    // A password Graph was sent is shown even when the run did not end well: it may be in effect.
    if (answer.secret || accepted(answer.outcome)) onDone(answer);
    else setFailure(answer.outcome);
  }

  const passwordError = failure?.field?.startsWith("password") ? failure.message : undefined;
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <form noValidate onSubmit={(event) => void submit(event)}>
          <DialogBody>
            <DialogTitle>Reset the password of {userPrincipalName}</DialogTitle>
            <DialogContent className={styles.content}>
              <Field label="New password">
                <RadioGroup value={mode} onChange={(_, data) => setMode(data.value === "custom" ? "custom" : "generate")}>
                  <Radio value="generate" label="Generate a strong password" />
                  <Radio value="custom" label="Choose a password" />
                </RadioGroup>
              </Field>
              {mode === "custom" ? (
                <Field label="Password" required {...(passwordError ? { validationState: "error" as const, validationMessage: passwordError } : { hint: "8 to 256 characters, three of: lower case, upper case, digits, symbols." })}>
                  <Input type="password" autoComplete="new-password" value={value} maxLength={256} onChange={(_, data) => setValue(data.value)} />
                </Field>
              ) : null}
              <Switch checked={force} onChange={(_, data) => setForce(data.checked)} label="Require a new password at next sign-in" />
              {failure && !passwordError ? <OutcomeBar outcome={failure} /> : null}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy}>
                {busy ? "Resetting…" : "Reset password"}
              </Button>
              <Button onClick={onClose}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
