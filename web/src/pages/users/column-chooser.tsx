import { Button, Menu, MenuItemCheckbox, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import { ColumnTripleEditRegular } from "@fluentui/react-icons";
import { memo } from "react";
import { userColumns } from "./users-columns.ts";

/** A menu of the table's columns, each with a check box; the name column cannot be hidden. */
export const ColumnChooser = memo(function ColumnChooser({ shownIds, onChange }: { readonly shownIds: readonly string[]; readonly onChange: (ids: readonly string[]) => void }) {
  return (
    <Menu checkedValues={{ columns: [...shownIds] }} onCheckedValueChange={(_, data) => onChange(data.checkedItems)}>
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<ColumnTripleEditRegular />}>Columns</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {userColumns.map((column) => (
            <MenuItemCheckbox key={column.id} name="columns" value={column.id} disabled={column.required}>
              {column.label}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
});
