import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { tenantName } from "../../api/tenants.ts";
import type { ConsentProblem, MissingGrant } from "./consent-problems.ts";
import { FixText } from "./fix-text.tsx";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalS },
  list: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  grant: { fontWeight: tokens.fontWeightSemibold },
  permission: { fontFamily: tokens.fontFamilyMonospace },
});

function headline(problem: ConsentProblem): string {
  const modules = problem.modules.map((m) => `${m.title} ${m.state} (${m.working} of ${m.features} features work)`).join(", ");
  const name = tenantName(problem.tenant);
  const domain = problem.tenant.defaultDomain && problem.tenant.defaultDomain !== name ? ` (${problem.tenant.defaultDomain})` : "";
  return `${name}${domain}: ${modules || "Tenantry cannot sign in"}`;
}

function Grants({ title, grants, code = false }: { readonly title: string; readonly grants: readonly MissingGrant[]; readonly code?: boolean }) {
  const styles = useStyles();
  if (grants.length === 0) return null;
  return (
    <div className={styles.section}>
      <Text weight="semibold">{title}</Text>
      <ul className={styles.list}>
        {grants.map((grant) => (
          <li key={grant.name}>
            <span className={mergeClasses(styles.grant, code && styles.permission)}>{grant.name}</span>, needed by: {grant.features.join(", ")}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One tenant whose consent falls short: what is missing, what it breaks, and how to fix it. */
export function ConsentBanner({ problem }: { readonly problem: ConsentProblem }) {
  const styles = useStyles();
  const titleId = useId();
  const name = tenantName(problem.tenant);
  return (
    <MessageBar intent={problem.intent} layout="multiline" aria-labelledby={titleId}>
      <MessageBarBody>
        <MessageBarTitle id={titleId}>{headline(problem)}</MessageBarTitle>
        {problem.tokenFailure ? <div className={styles.section}>{problem.tokenFailure.message}</div> : null}
        <Grants title="Missing permissions" grants={problem.permissions} code />
        <Grants title="Missing directory roles of Tenantry's service principal" grants={problem.roles} />
        <div className={styles.section}>
          <Text weight="semibold">To fix</Text>
          <ol className={styles.list}>
            {problem.fixes.map((fix) => (
              <li key={fix}>
                <FixText text={fix} linkLabel={`admin consent page of ${name}`} />
              </li>
            ))}
          </ol>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
