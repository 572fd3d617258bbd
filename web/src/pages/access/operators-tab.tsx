import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from "@fluentui/react-components";
import { useRoleAssignments } from "../../api/access-assignments.ts";
import { useLastSignIns, useOperators } from "../../api/access-operators.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { AddOperatorForm } from "./add-operator-form.tsx";
import { formatWhen } from "./format-when.ts";
import { heldRoles } from "./held-roles.ts";

const useStyles = makeStyles({
  tab: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalM },
  roles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, paddingBlock: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: "anywhere" },
  wide: { width: "26%" },
  roleColumn: { width: "34%" },
});

export function OperatorsTab() {
  const styles = useStyles();
  const operators = useOperators();
  const assignments = useRoleAssignments();
  const signIns = useLastSignIns();
  return (
    <div className={styles.tab}>
      <AddOperatorForm />
      {assignments.error ? <ErrorBar error={assignments.error} title="The role assignments could not be loaded" /> : null}
      <Table aria-label="Operators" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.wide}>User name</TableHeaderCell>
            <TableHeaderCell>Display name</TableHeaderCell>
            <TableHeaderCell>Kind</TableHeaderCell>
            <TableHeaderCell>Last sign-in</TableHeaderCell>
            <TableHeaderCell className={styles.roleColumn}>Roles held</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(operators.data ?? []).map((operator) => {
            const roles = heldRoles(operator, assignments.data ?? []);
            const lastSignIn = signIns.data?.get(operator.id);
            return (
              <TableRow key={operator.id}>
                <TableCell className={styles.wrap}>{operator.userPrincipalName}</TableCell>
                <TableCell>{operator.displayName ?? <span className={styles.muted}>none</span>}</TableCell>
                <TableCell>{operator.kind === "bootstrap" ? "Bootstrap (API token)" : "Person"}</TableCell>
                <TableCell>
                  {lastSignIn ? formatWhen(lastSignIn) : <span className={styles.muted}>{operator.entraObjectId ? "not in the latest sign-ins" : "never"}</span>}
                </TableCell>
                <TableCell>
                  <div className={styles.roles}>
                    {roles.length === 0 ? <Text className={styles.muted}>{operator.entraObjectId ? "no role" : "no role of its own; its groups' roles count from its first sign-in"}</Text> : null}
                    {roles.map((role) => (
                      <Badge key={role.assignmentId} appearance="tint" color={role.throughGroup ? "informative" : "brand"} title={role.throughGroup ? "through an Entra group" : "assigned directly"}>
                        {role.role} · {role.scope}
                      </Badge>
                    ))}
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
