import { Badge, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { type Assignment, useRoleAssignments } from "../../api/access-assignments.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { AddAssignmentDialog } from "./add-assignment-dialog.tsx";
import { formatWhen } from "./format-when.ts";
import { principalLabel } from "./principal-label.ts";
import { RemoveAssignmentButton } from "./remove-assignment-button.tsx";

const useStyles = makeStyles({
  buttonColumn: { width: "56px" },
  tab: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalM },
  cell: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, overflowWrap: "anywhere", paddingBlock: tokens.spacingVerticalXS },
  wide: { width: "32%" },
  wrap: { overflowWrap: "anywhere" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

const roleKinds: Readonly<Record<Assignment["role"]["kind"], string>> = { entra: "Entra built-in", custom: "Custom", platform: "Tenantry platform" };

export function AssignmentsTab() {
  const styles = useStyles();
  const assignments = useRoleAssignments();
  return (
    <div className={styles.tab}>
      <AddAssignmentDialog />
      {assignments.error ? <ErrorBar error={assignments.error} title="The role assignments could not be loaded" /> : null}
      <Table aria-label="Role assignments" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.wide}>Principal</TableHeaderCell>
            <TableHeaderCell>Role</TableHeaderCell>
            <TableHeaderCell>Scope</TableHeaderCell>
            <TableHeaderCell>Assigned</TableHeaderCell>
            <TableHeaderCell className={styles.buttonColumn}>
              <span className={styles.hidden}>Remove</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(assignments.data ?? []).map((assignment) => (
            <TableRow key={assignment.id}>
              <TableCell>
                <span className={styles.cell}>
                  {principalLabel(assignment.principal)}
                  <Badge appearance="outline" color={assignment.principal.kind === "group" ? "informative" : "brand"}>
                    {assignment.principal.kind === "group" ? "Entra group" : "Operator"}
                  </Badge>
                </span>
              </TableCell>
              <TableCell>
                <span className={styles.cell}>
                  {assignment.role.name}
                  <Badge appearance="tint" color={assignment.role.kind === "platform" ? "important" : "informative"}>
                    {roleKinds[assignment.role.kind]}
                  </Badge>
                </span>
              </TableCell>
              <TableCell className={styles.wrap}>{assignment.scope.display}</TableCell>
              <TableCell>{formatWhen(assignment.createdAt)}</TableCell>
              <TableCell>
                <RemoveAssignmentButton assignment={assignment} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
