import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { type FormEvent, useState } from "react";
import { useAddAssignment } from "../../api/access-assignments.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { type AssignmentDraft, assignmentRequest, emptyDraft } from "./assignment-draft.ts";
import { fieldError, isFieldError } from "./field-errors.ts";
import { PrincipalPicker } from "./principal-picker.tsx";
import { RoleCombobox } from "./role-combobox.tsx";
import { ScopePicker } from "./scope-picker.tsx";

const useStyles = makeStyles({
  surface: { maxWidth: "640px" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

const fields = ["principal", "role", "scope"] as const;

function isComplete(draft: AssignmentDraft): boolean {
  const principal = draft.principalKind === "operator" ? draft.operator : draft.group.trim();
  const scope = { tenant: draft.tenant, "tenant-group": draft.tenantGroup, all: "all", "all-except": draft.exceptTenants.join() }[draft.scopeKind];
  return principal !== "" && draft.role !== "" && scope !== "";
}

export function AddAssignmentDialog() {
  const styles = useStyles();
  const add = useAddAssignment();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<AssignmentDraft>(emptyDraft);
  const [platformRole, setPlatformRole] = useState(false);
  const change = (patch: Partial<AssignmentDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function openChange(next: boolean) {
    setOpen(next);
    if (next) return;
    setDraft(emptyDraft);
    setPlatformRole(false);
    add.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(assignmentRequest(draft), { onSuccess: () => openChange(false) });
  }

  return (
    <Dialog open={open} onOpenChange={(_, data) => openChange(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<AddRegular />}>
          Add a role assignment
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>Add a role assignment</DialogTitle>
            <DialogContent className={styles.content}>
              <PrincipalPicker draft={draft} change={change} error={fieldError(add.error, "principal")} />
              <RoleCombobox
                role={draft.role}
                error={fieldError(add.error, "role")}
                change={(role) => {
                  const platform = role?.kind === "platform";
                  setPlatformRole(platform);
                  change({ role: role?.id ?? "", ...(platform ? { scopeKind: "all" } : {}) });
                }}
              />
              <ScopePicker draft={draft} change={change} error={fieldError(add.error, "scope")} allTenantsOnly={platformRole} />
              {add.error && !isFieldError(add.error, fields) ? <ErrorBar error={add.error} title="The role was not assigned" /> : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">Cancel</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={add.isPending || !isComplete(draft)}>
                Assign
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
