import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import type { ReactNode } from "react";

/** Asks before an action that is hard to undo. */
export function ConfirmDialog({ title, children, confirm, busy, onConfirm, onClose }: { readonly title: string; readonly children: ReactNode; readonly confirm: string; readonly busy: boolean; readonly onConfirm: () => void; readonly onClose: () => void }) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={onConfirm}>
              {busy ? "Working…" : confirm}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
