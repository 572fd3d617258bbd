import { Button, Field, Input, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ShieldQuestionRegular } from "@fluentui/react-icons";
import { type FormEvent, useState } from "react";
import { type AccessCheckRequest, useAccessCheck } from "../../api/access-check.ts";
import { useCatalog } from "../../api/catalog.ts";
import { useOperators } from "../../api/access-operators.ts";
import { tenantName, useTenants } from "../../api/tenants.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { AccessCheckAnswerView } from "./access-check-answer.tsx";
import { ChoiceField } from "./choice-field.tsx";
import { fieldError, isFieldError } from "./field-errors.ts";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalM, maxWidth: "1100px" },
  form: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalM },
  fields: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(340px, 1fr))", gap: tokens.spacingHorizontalM, alignItems: "start", alignSelf: "stretch" },
});

const fields = ["operator", "tenant", "action", "target"] as const;

/** "What may this operator do?", answered by the policy that decides every run, with its reasons. */
export function AccessCheckTab() {
  const styles = useStyles();
  const operators = useOperators();
  const tenants = useTenants();
  const actions = useCatalog();
  const check = useAccessCheck();
  const [operator, setOperator] = useState("");
  const [tenant, setTenant] = useState("");
  const [action, setAction] = useState("");
  const [target, setTarget] = useState("");

  const chosenOperator = operators.data?.find((o) => o.id === operator);
  const operatorChoices = (operators.data ?? []).map((o) => ({ value: o.id, text: o.userPrincipalName }));
  const tenantChoices = (tenants.data ?? []).map((t) => ({ value: t.tenantId, text: tenantName(t) }));
  const actionChoices = (actions.data?.value ?? []).map((a) => ({ value: a.id, text: a.title, label: `${a.title} (${a.id})` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    check.mutate({ operator, tenant, action: action as AccessCheckRequest["action"], ...(target.trim() ? { target: target.trim() } : {}) });
  }

  const errorOf = (field: string) => fieldError(check.error, field);
  return (
    <div className={styles.tab}>
      <Subtitle2 as="h2">What may {chosenOperator ? chosenOperator.userPrincipalName : "an operator"} do?</Subtitle2>
      <form className={styles.form} onSubmit={submit} aria-label="Access check">
        <div className={styles.fields}>
          <ChoiceField label="Operator" placeholder="Choose an operator" choices={operatorChoices} selected={operator} choose={setOperator} error={errorOf("operator")} />
          <ChoiceField label="Tenant" placeholder="Choose a tenant" choices={tenantChoices} selected={tenant} choose={setTenant} error={errorOf("tenant")} />
          <ChoiceField label="Action" placeholder="Choose an action" choices={actionChoices} selected={action} choose={setAction} error={errorOf("action") ?? actions.error?.message} />
          <Field label="Target user (optional)" hint="User principal name or object id: decides when the target is an administrator." validationMessage={errorOf("target")} validationState={errorOf("target") ? "error" : "none"}>
            <Input value={target} onChange={(_, data) => setTarget(data.value)} maxLength={256} autoComplete="off" />
          </Field>
        </div>
        <Button type="submit" appearance="primary" icon={<ShieldQuestionRegular />} disabled={check.isPending || !operator || !tenant || !action}>
          Check
        </Button>
      </form>
      {check.error && !isFieldError(check.error, fields) ? <ErrorBar error={check.error} title="The access could not be checked" /> : null}
      {check.data && !check.isPending ? <AccessCheckAnswerView answer={check.data} /> : null}
    </div>
  );
}
