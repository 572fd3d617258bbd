import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { PersonAddRegular } from "@fluentui/react-icons";
import { type FormEvent, useState } from "react";
import { useAddOperator } from "../../api/access-operators.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { fieldError, isFieldError } from "./field-errors.ts";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "820px" },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalM },
  field: { minWidth: "280px", flexGrow: 1 },
  // Lines the button up with the inputs, below the fields' labels.
  submit: { marginTop: "26px" },
});

const fields = ["userPrincipalName", "displayName"] as const;

export function AddOperatorForm() {
  const styles = useStyles();
  const add = useAddOperator();
  const [userPrincipalName, setUserPrincipalName] = useState("");
  const [displayName, setDisplayName] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { userPrincipalName: userPrincipalName.trim(), ...(displayName.trim() ? { displayName: displayName.trim() } : {}) },
      {
        onSuccess: () => {
          setUserPrincipalName("");
          setDisplayName("");
        },
      },
    );
  }

  const upnError = fieldError(add.error, "userPrincipalName");
  const nameError = fieldError(add.error, "displayName");
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Add an operator">
      <Subtitle2 as="h2">Add an operator</Subtitle2>
      <div className={styles.row}>
        <Field className={styles.field} label="User principal name" required hint={upnError ? undefined : "The account the operator signs in with, e.g. jo@msp.example"} validationMessage={upnError} validationState={upnError ? "error" : "none"}>
          <Input value={userPrincipalName} onChange={(_, data) => setUserPrincipalName(data.value)} maxLength={256} autoComplete="off" />
        </Field>
        <Field className={styles.field} label="Display name" validationMessage={nameError} validationState={nameError ? "error" : "none"}>
          <Input value={displayName} onChange={(_, data) => setDisplayName(data.value)} maxLength={256} autoComplete="off" />
        </Field>
        <Button className={styles.submit} type="submit" appearance="primary" icon={<PersonAddRegular />} disabled={add.isPending || userPrincipalName.trim() === ""}>
          Add operator
        </Button>
      </div>
      {add.error && !isFieldError(add.error, fields) ? <ErrorBar error={add.error} title="The operator was not added" /> : null}
      {add.isSuccess ? (
        <MessageBar intent="success">
          <MessageBarBody>
            {add.data.userPrincipalName} is an operator. Give it a role assignment; it can sign in from now on.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </form>
  );
}
