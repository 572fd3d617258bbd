// "Add to group": a picker searching the tenant's groups by name, then groups.add-member.
import {
  Button,
  Caption1,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Option,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { actionIds } from "../../../../src/catalog/action-ids.ts";
import { type GroupRow, useGroupSearch } from "../../api/user-groups.ts";
import type { RunOutcome } from "../../api/user-action-run.ts";
import type { UserDetails } from "../../api/user-details.ts";
import { messageFor, type RunChange } from "../../api/user-licenses-change.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { useDebounced } from "../../app/use-debounced.ts";
import { OutcomeBar } from "./outcome-bar.tsx";

const useStyles = makeStyles({
  surface: { maxWidth: "640px" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  details: { color: tokens.colorNeutralForeground3 },
});

export interface AddToGroupDialogProps {
  readonly tenant: string;
  readonly user: UserDetails;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly run: RunChange;
  readonly busy: boolean;
  /** How the last change went, shown in the dialog while it is open. */
  readonly outcome: RunOutcome | undefined;
}

/** What sets a group apart when adding members: Microsoft refuses some, and Tenantry says why when asked. */
function groupDetails(group: GroupRow): string {
  const notes = [group.kind, group.membership === "dynamic" ? "dynamic membership" : "assigned membership"];
  if (group.synced) notes.push("synced from on-premises");
  if (group.isAssignableToRole) notes.push("role-assignable");
  if (group.mail) notes.push(group.mail);
  return notes.join(" · ");
}

function AddToGroupForm({ tenant, user, onOpenChange, run, busy, outcome }: Omit<AddToGroupDialogProps, "open">) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<GroupRow | undefined>();
  // Opened by any change of the text, pasted too, not only by keys typed.
  const [listOpen, setListOpen] = useState(false);
  const search = useDebounced(query, 250);
  const groups = useGroupSearch(tenant, search);
  // Until the list answers what was typed, it shows the previous search's groups.
  const searching = query !== search || groups.isFetching;
  const memberOf = new Set(user.groups.map((g) => g.id));
  const name = user.displayName ?? user.userPrincipalName;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!chosen) return;
    run(
      { action: actionIds.groupsAddMember, input: { groupId: chosen.id, memberId: user.id }, done: `${name} is a member of ${chosen.displayName ?? chosen.id}.` },
      () => onOpenChange(false),
    );
  }

  const groupError = messageFor(outcome, "groupId");
  return (
    <DialogSurface className={styles.surface}>
      <form onSubmit={submit}>
        <DialogBody>
          <DialogTitle>Add {name} to a group</DialogTitle>
          <DialogContent className={styles.content}>
            <Field
              label="Group"
              required
              hint={groupError ? undefined : "Type the start of a word of the group's name, mail or alias."}
              validationMessage={groupError}
              validationState={groupError ? "error" : "none"}
            >
              <Combobox
                freeform
                aria-busy={searching}
                placeholder="Search groups"
                value={query}
                selectedOptions={chosen ? [chosen.id] : []}
                open={listOpen}
                onOpenChange={(_, data) => setListOpen(data.open)}
                onChange={(event) => {
                  setQuery(event.target.value.slice(0, 256));
                  setChosen(undefined);
                  setListOpen(true);
                }}
                onOptionSelect={(_, data) => {
                  const group = groups.data?.find((g) => g.id === data.optionValue);
                  setChosen(group);
                  if (group) setQuery(group.displayName ?? group.id);
                }}
              >
                {(groups.data ?? []).map((group) => (
                  <Option key={group.id} value={group.id} text={group.displayName ?? group.id} disabled={memberOf.has(group.id)}>
                    {group.displayName ?? group.id} ({memberOf.has(group.id) ? "already a member" : groupDetails(group)})
                  </Option>
                ))}
                {groups.data?.length === 0 ? (
                  <Option value="" text="" disabled>
                    No group matches
                  </Option>
                ) : null}
              </Combobox>
            </Field>
            {groups.isFetching ? <Spinner size="tiny" label="Searching groups" /> : null}
            {groups.error ? <ErrorBar error={groups.error} title="The groups could not be searched" /> : null}
            {chosen ? <Caption1 className={styles.details}>{groupDetails(chosen)}</Caption1> : null}
            <OutcomeBar outcome={groupError ? undefined : outcome} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => onOpenChange(false)}>Cancel</Button>
            <Button type="submit" appearance="primary" disabled={!chosen || busy}>
              {busy ? "Adding..." : "Add to group"}
            </Button>
          </DialogActions>
        </DialogBody>
      </form>
    </DialogSurface>
  );
}

export function AddToGroupDialog({ open, ...props }: AddToGroupDialogProps) {
  return (
    <Dialog open={open} onOpenChange={(_, data) => props.onOpenChange(data.open)}>
      <AddToGroupForm {...props} />
    </Dialog>
  );
}
