import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { TaskListSquareLtrRegular } from "@fluentui/react-icons";
import { useLocation } from "wouter";
import type { UserRow, UsersSearch } from "../../api/users-search.ts";
import { bulkJobTarget, type RowSelection } from "./row-selection.ts";

const useStyles = makeStyles({
  bulk: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2 },
});

function selectionText(selection: RowSelection, rows: readonly UserRow[], everyRowLoaded: boolean): string {
  if (selection.all) return everyRowLoaded ? `All ${rows.length.toLocaleString()} users selected` : "Every user the search finds is selected";
  return selection.keys.size === 0 ? "No users selected" : `${selection.keys.size.toLocaleString()} selected`;
}

/** Opens the bulk jobs page with the selected users, or with the search when every user it finds is selected. */
export function BulkJobButton({ selection, rows, everyRowLoaded, search }: { readonly selection: RowSelection; readonly rows: readonly UserRow[]; readonly everyRowLoaded: boolean; readonly search: UsersSearch }) {
  const styles = useStyles();
  const [, navigate] = useLocation();
  const target = bulkJobTarget(selection, rows, everyRowLoaded, search);
  const nothingSelected = !selection.all && selection.keys.size === 0;
  return (
    <div className={styles.bulk}>
      <Text className={styles.note} id="users-selection">
        {"reason" in target && !nothingSelected ? target.reason : selectionText(selection, rows, everyRowLoaded)}
      </Text>
      <Button appearance="primary" icon={<TaskListSquareLtrRegular />} disabled={"reason" in target} aria-describedby="users-selection" onClick={() => "path" in target && navigate(target.path)}>
        Start bulk job
      </Button>
    </div>
  );
}
