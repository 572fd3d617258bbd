import { Badge, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { AccessCheckAnswer } from "../../api/access-check.ts";

const useStyles = makeStyles({
  answer: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  stepHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const checkTitles: Readonly<Record<AccessCheckAnswer["steps"][number]["check"], string>> = {
  "tenant-scope": "Tenant in scope",
  "role-actions": "Role actions",
  "administrator-target": "Administrator target",
};

/** The decision first, then each check the policy made, in order, and what else matters for a run. */
export function AccessCheckAnswerView({ answer }: { readonly answer: AccessCheckAnswer }) {
  const styles = useStyles();
  const who = answer.operator.userPrincipalName;
  return (
    <section className={styles.answer} aria-label="Decision">
      <MessageBar intent={answer.allowed ? "success" : "error"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{answer.allowed ? "Allowed" : "Refused"}</MessageBarTitle>
          <div>
            {answer.action.title}, by {who}, in {answer.tenant.name}
            {answer.target ? `, on ${answer.target.display}` : ""}.
          </div>
          <div>{answer.reason}</div>
        </MessageBarBody>
      </MessageBar>
      {answer.target ? (
        <Text>
          Target {answer.target.display}: {answer.target.adminRoles.length ? `holds ${answer.target.adminRoles.join(", ")}` : "holds no administrator role"}
          {answer.target.inRoleAssignableGroup ? ", and is in a role-assignable group" : ""}.
        </Text>
      ) : null}
      <Subtitle2 as="h3">How it was decided</Subtitle2>
      <ol className={styles.steps}>
        {answer.steps.map((step) => (
          <li key={step.check} className={styles.step}>
            <span className={styles.stepHead}>
              <Text weight="semibold">{checkTitles[step.check]}</Text>
              <Badge appearance="tint" color={step.allowed ? "success" : "danger"}>
                {step.allowed ? "passed" : "refused"}
              </Badge>
            </span>
            <Text>{step.reason}</Text>
            {step.rolesThatWould.length ? <Text className={styles.muted}>Roles that would allow it: {step.rolesThatWould.join(", ")}</Text> : null}
          </li>
        ))}
      </ol>
      {answer.notes.length ? (
        <>
          <Subtitle2 as="h3">Also worth knowing</Subtitle2>
          <ul className={styles.steps}>
            {answer.notes.map((note) => (
              <li key={note}>
                <Text>{note}</Text>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
