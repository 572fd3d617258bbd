// The user's groups: add to a group through a picker, remove from one after confirming; Tenantry's guards
// explain the groups it will not change (dynamic, synced from on-premises, role-assignable).
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  makeStyles,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular, PeopleAddRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import type { UserGroup } from "../../../../src/actions/reads/user-details.ts";
import { actionIds } from "../../../../src/catalog/action-ids.ts";
import { useUserDetails } from "../../api/user-details.ts";
import { usePanelChange } from "../../api/user-licenses-change.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { AddToGroupDialog } from "./groups-add-dialog.tsx";
import { groupKind, isDynamic } from "./groups-kind.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { OutcomeBar } from "./outcome-bar.tsx";
import type { UserPanelProps } from "./user-panel-props.ts";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL },
  heading: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  refusal: { color: tokens.colorNeutralForeground3 },
  name: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  actionColumn: { width: "140px" },
});

export function GroupsPanel({ tenant, userId, refusalOf, onChanged }: UserPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const user = useUserDetails(tenant, userId);
  const { change, run, dialogOpen: adding, openDialog: openAdd } = usePanelChange(tenant, onChanged);
  const [removing, setRemoving] = useState<UserGroup | undefined>();
  const addRefusal = refusalOf(actionIds.groupsAddMember);
  const removeRefusal = refusalOf(actionIds.groupsRemoveMember);

  const name = user.data ? (user.data.displayName ?? user.data.userPrincipalName) : "";
  const groups = [...(user.data?.groups ?? [])].sort((a, b) => (a.displayName ?? a.id).localeCompare(b.displayName ?? b.id));
  return (
    <Card className={styles.panel} role="region" aria-labelledby={headingId}>
      <div className={styles.heading}>
        <Subtitle2 as="h2" id={headingId}>
          Groups
        </Subtitle2>
        <Button icon={<PeopleAddRegular />} disabled={addRefusal !== undefined || !user.data || change.isPending} onClick={() => openAdd(true)}>
          Add to group
        </Button>
      </div>
      {addRefusal ? <Caption1 className={styles.refusal}>{addRefusal}</Caption1> : null}
      {removeRefusal && removeRefusal !== addRefusal ? <Caption1 className={styles.refusal}>{removeRefusal}</Caption1> : null}
      <OutcomeBar outcome={adding ? undefined : change.data} />
      {change.isPending && !adding ? <Spinner size="tiny" label="Changing the group membership" /> : null}
      {user.isPending ? <Spinner size="small" label="Reading the user's groups" /> : null}
      {user.error ? <ErrorBar error={user.error} title="The user's groups could not be read" /> : null}
      {user.data && groups.length === 0 ? <Body1>{name} is in no group.</Body1> : null}
      {groups.length > 0 ? (
        <Table size="small" aria-labelledby={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Group</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>Membership</TableHeaderCell>
              <TableHeaderCell className={styles.actionColumn}>Change</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {groups.map((group) => {
              const groupName = group.displayName ?? group.id;
              return (
                <TableRow key={group.id}>
                  <TableCell>
                    <span className={styles.name}>
                      {groupName}
                      {group.synced ? <Badge appearance="tint" color="warning">Synced from on-premises</Badge> : null}
                      {group.isAssignableToRole ? <Badge appearance="tint" color="danger">Role-assignable</Badge> : null}
                    </span>
                  </TableCell>
                  <TableCell>{groupKind(group)}</TableCell>
                  <TableCell>{isDynamic(group) ? "Dynamic" : "Assigned"}</TableCell>
                  <TableCell>
                    <Button icon={<DeleteRegular />} aria-label={`Remove from ${groupName}`} disabled={removeRefusal !== undefined || change.isPending} onClick={() => setRemoving(group)}>
                      Remove
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={`Remove ${name} from ${removing.displayName ?? removing.id}?`}
          confirm="Remove"
          busy={change.isPending}
          onClose={() => setRemoving(undefined)}
          onConfirm={() => {
            const groupName = removing.displayName ?? removing.id;
            setRemoving(undefined);
            run({ action: actionIds.groupsRemoveMember, input: { groupId: removing.id, memberId: userId }, done: `${name} is no longer a member of ${groupName}.` });
          }}
        >
          {name} loses what {removing.displayName ?? removing.id} gives its members: access, mail and licences assigned to the group.
        </ConfirmDialog>
      ) : null}
      {user.data ? <AddToGroupDialog tenant={tenant} user={user.data} open={adding} onOpenChange={openAdd} run={run} busy={change.isPending} outcome={change.data} /> : null}
    </Card>
  );
}
