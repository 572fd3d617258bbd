import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Tooltip } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { type Assignment, useRemoveAssignment } from "../../api/access-assignments.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { principalLabel } from "./principal-label.ts";

/** Removes an assignment after the administrator confirms; Tenantry refuses to remove the last Platform Administrator's. */
export function RemoveAssignmentButton({ assignment }: { readonly assignment: Assignment }) {
  const remove = useRemoveAssignment();
  const [open, setOpen] = useState(false);
  const what = `${assignment.role.name} for ${principalLabel(assignment.principal)} (${assignment.scope.display})`;
  return (
    <>
      <Tooltip content={`Remove ${what}`} relationship="label">
        <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => setOpen(true)} />
      </Tooltip>
      <Dialog
        open={open}
        onOpenChange={(_, data) => {
          setOpen(data.open);
          if (!data.open) remove.reset();
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove this role assignment?</DialogTitle>
            <DialogContent>
              <p>
                {principalLabel(assignment.principal)} will no longer hold {assignment.role.name} in {assignment.scope.display}. The change is written to the audit log.
              </p>
              {remove.error ? <ErrorBar error={remove.error} title="The assignment was not removed" /> : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">Cancel</Button>
              </DialogTrigger>
              <Button appearance="primary" disabled={remove.isPending} onClick={() => remove.mutate(assignment.id, { onSuccess: () => setOpen(false) })}>
                Remove
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
