import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Tag, TagGroup, Text, tokens } from "@fluentui/react-components";
import { useTenantGroups } from "../../api/access-tenant-groups.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import { TenantGroupDialog } from "./tenant-group-dialog.tsx";

const useStyles = makeStyles({
  buttonColumn: { width: "56px" },
  tab: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalL, paddingTop: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function TenantGroupsTab() {
  const styles = useStyles();
  const groups = useTenantGroups();
  return (
    <div className={styles.tab}>
      <TenantGroupDialog group={undefined} />
      {groups.error ? <ErrorBar error={groups.error} title="The tenant groups could not be loaded" /> : null}
      <Table aria-label="Tenant groups" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Tenants</TableHeaderCell>
            <TableHeaderCell className={styles.buttonColumn}>
              <span aria-hidden="true" />
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(groups.data ?? []).map((group) => (
            <TableRow key={group.id}>
              <TableCell>{group.name}</TableCell>
              <TableCell>
                {group.tenants.length === 0 ? (
                  <Text className={styles.muted}>no tenant</Text>
                ) : (
                  <TagGroup aria-label={`Tenants of ${group.name}`} size="small">
                    {group.tenants.map((t) => (
                      <Tag key={t.tenantId} appearance="outline" size="small" value={t.tenantId}>
                        {t.name}
                      </Tag>
                    ))}
                  </TagGroup>
                )}
              </TableCell>
              <TableCell>
                <TenantGroupDialog group={group} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {groups.data?.length === 0 ? <Text className={styles.muted}>No tenant group yet.</Text> : null}
    </div>
  );
}
