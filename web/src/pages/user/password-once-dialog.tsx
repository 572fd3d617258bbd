import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import { useState } from "react";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS },
  password: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
});

/**
 * The generated password, shown this once: it lives in this dialog's props only, never in a query cache or
 * storage, and is gone from the page when the dialog closes.
 */
export function PasswordOnceDialog({ userPrincipalName, password, onClose }: { readonly userPrincipalName: string; readonly password: string; readonly onClose: () => void }) {
  const styles = useStyles();
  const [copied, setCopied] = useState<"copied" | "failed">();
  async function copy() {
    try {
      await navigator.clipboard.writeText(password);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>New password for {userPrincipalName}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>This password is shown once. Copy it now and give it to the user: Tenantry does not keep it.</Text>
            <div className={styles.row}>
              <Input className={styles.password} aria-label="Generated password" value={password} readOnly />
              <Button icon={<CopyRegular />} onClick={() => void copy()}>
                Copy
              </Button>
            </div>
            <Text aria-live="polite">{copied === "copied" ? "Copied to the clipboard." : copied === "failed" ? "The browser did not allow copying: select the password and copy it." : ""}</Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
