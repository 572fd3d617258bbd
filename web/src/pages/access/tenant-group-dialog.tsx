import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { AddRegular, EditRegular } from "@fluentui/react-icons";
import { type FormEvent, useState } from "react";
import { type TenantGroup, usePutTenantGroup } from "../../api/access-tenant-groups.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { fieldError, isFieldError } from "./field-errors.ts";
import { TenantMultiselect } from "./tenant-multiselect.tsx";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/** Makes a tenant group (group undefined) or changes the tenants of one. */
export function TenantGroupDialog({ group }: { readonly group: TenantGroup | undefined }) {
  const styles = useStyles();
  const put = usePutTenantGroup();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [tenants, setTenants] = useState<string[]>([]);

  function openChange(next: boolean) {
    setOpen(next);
    setName(group?.name ?? "");
    setTenants(group ? group.tenants.map((t) => t.tenantId) : []);
    put.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    put.mutate({ name: group?.name ?? name.trim(), tenants }, { onSuccess: () => setOpen(false) });
  }

  // The name travels in the path: Tenantry names it "name" when it refuses it.
  const nameError = fieldError(put.error, "name");
  const tenantsError = fieldError(put.error, "tenants");
  return (
    <Dialog open={open} onOpenChange={(_, data) => openChange(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        {group ? (
          <Button appearance="subtle" icon={<EditRegular />} aria-label={`Edit the tenant group ${group.name}`} />
        ) : (
          <Button appearance="primary" icon={<AddRegular />}>
            New tenant group
          </Button>
        )}
      </DialogTrigger>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{group ? `Tenants of ${group.name}` : "New tenant group"}</DialogTitle>
            <DialogContent className={styles.content}>
              {group ? null : (
                <Field label="Name" required validationMessage={nameError} validationState={nameError ? "error" : "none"}>
                  <Input value={name} onChange={(_, data) => setName(data.value)} maxLength={128} autoComplete="off" />
                </Field>
              )}
              <Field label="Tenants" validationMessage={tenantsError} validationState={tenantsError ? "error" : "none"} hint="Assignments scoped to the group hold in exactly these tenants.">
                <TenantMultiselect selected={tenants} change={setTenants} placeholder="Choose the group's tenants" />
              </Field>
              {put.error && !isFieldError(put.error, ["name", "tenants"]) ? <ErrorBar error={put.error} title="The tenant group was not saved" /> : null}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">Cancel</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={put.isPending || (!group && name.trim() === "")}>
                Save
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
