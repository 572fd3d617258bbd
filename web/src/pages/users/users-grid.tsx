// The users table: an ARIA grid of which only the rows in view are in the page, so that 100,000 rows scroll as
// smoothly as 100. One row at a time takes the keyboard focus: arrows, Page Up/Down, Home and End move it,
// Enter opens the user, Space selects.
import { Button, Checkbox, Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowSortDownRegular, ArrowSortUpRegular } from "@fluentui/react-icons";
import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useLocation } from "wouter";
import type { SortOrder, UserSearchSort } from "../../../../src/directory/search-query.ts";
import type { UserRow } from "../../api/users-search.ts";
import { isSelected, noSelection, type RowSelection, toggled } from "./row-selection.ts";
import { gridTemplateOf, minimumWidthOf, type UserColumn } from "./users-columns.ts";

const rowHeight = 40;
const selectionWidth = 44;
/** Rows from the end of those loaded at which the next page is asked for. */
const nearEndRows = 200;

const useStyles = makeStyles({
  scroller: {
    flexGrow: 1,
    minHeight: 0,
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // A table laid out as blocks and grids, so that only the rows in view need to be in the page.
  table: { display: "block", borderCollapse: "collapse" },
  head: { display: "block", position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground2, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  body: { display: "block", position: "relative" },
  row: { display: "grid", alignItems: "center", height: `${rowHeight}px`, boxSizing: "border-box" },
  bodyRow: {
    position: "absolute",
    top: 0,
    left: 0,
    width: "100%",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: "default",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, ":hover": { backgroundColor: tokens.colorNeutralBackground1Selected } },
  cell: { display: "block", overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", padding: `0 ${tokens.spacingHorizontalS}`, lineHeight: `${rowHeight}px`, color: tokens.colorNeutralForeground1 },
  headerCell: { display: "flex", alignItems: "center", overflow: "hidden", padding: `0 ${tokens.spacingHorizontalS}`, fontWeight: tokens.fontWeightSemibold, textAlign: "start", color: tokens.colorNeutralForeground1 },
  sortButton: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, padding: `0 ${tokens.spacingHorizontalXS}`, minWidth: 0, marginLeft: `-${tokens.spacingHorizontalXS}` },
  checkboxCell: { display: "flex", alignItems: "center", justifyContent: "center" },
  message: { display: "block", padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

export interface UsersGridProps {
  readonly rows: readonly UserRow[];
  readonly columns: readonly UserColumn[];
  readonly roleNames: ReadonlyMap<string, string>;
  readonly sort: UserSearchSort;
  readonly order: SortOrder;
  readonly onSort: (sort: UserSearchSort) => void;
  readonly selection: RowSelection;
  readonly onSelection: (selection: RowSelection) => void;
  readonly moreExist: boolean;
  readonly onNearEnd: () => void;
  /** Changes with the search: the table goes back to its first row. */
  readonly searchKey: string;
  /** Shown in place of rows when there are none. */
  readonly emptyText: string;
}

export const userPath = (row: Pick<UserRow, "tenantId" | "id">): string => `/tenants/${row.tenantId}/users/${row.id}`;

const ariaSort = (column: UserColumn, sort: UserSearchSort, order: SortOrder) => (column.sort === undefined ? undefined : column.sort !== sort ? "none" : order === "asc" ? "ascending" : "descending");

export function UsersGrid(props: UsersGridProps) {
  const { rows, columns, roleNames, sort, order, selection, moreExist, onNearEnd } = props;
  const styles = useStyles();
  const [, navigate] = useLocation();
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const activeIndex = Math.max(0, Math.min(active, rows.length - 1));
  const focusPending = useRef(false);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // The rows start below the header row, which stays in view over them.
    scrollMargin: rowHeight,
    scrollPaddingStart: rowHeight,
    // The row that holds the focus stays in the page when scrolled away, so that Tab comes back to it.
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range);
        return activeIndex < range.count && !indexes.includes(activeIndex) ? [...indexes, activeIndex].sort((a, b) => a - b) : indexes;
      },
      [activeIndex],
    ),
  });
  const items = virtualizer.getVirtualItems();
  const lastShown = items.length === 0 ? -1 : items[items.length - 1]!.index;

  useEffect(() => {
    if (moreExist && lastShown >= rows.length - nearEndRows) onNearEnd();
  }, [moreExist, lastShown, rows.length, onNearEnd]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search is what resets the table
  useEffect(() => {
    setActive(0);
    scroller.current?.scrollTo({ top: 0 });
  }, [props.searchKey]);

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (row) {
      focusPending.current = false;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, rows.length - 1));
    focusPending.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
  };

  const open = (row: UserRow) => navigate(userPath(row));

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: UserRow, index: number) => {
    if (event.target !== event.currentTarget || event.altKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight) / rowHeight) - 2);
    switch (event.key) {
      case "ArrowDown":
        moveTo(index + 1);
        break;
      case "ArrowUp":
        moveTo(index - 1);
        break;
      case "PageDown":
        moveTo(index + page);
        break;
      case "PageUp":
        moveTo(index - page);
        break;
      case "Home":
        moveTo(0);
        break;
      case "End":
        moveTo(rows.length - 1);
        break;
      case "Enter":
        open(row);
        break;
      case " ":
        props.onSelection(toggled(selection, row, rows));
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  // A plain click on the name opens the user in the console; with a modifier, the browser does as it does with links.
  const followLink = (event: MouseEvent<HTMLAnchorElement>, row: UserRow) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(row);
  };

  const template = gridTemplateOf(columns, selectionWidth);
  const minWidth = `${minimumWidthOf(columns, selectionWidth)}px`;
  const allChecked = selection.all ? true : selection.keys.size > 0 ? "mixed" : false;

  return (
    <div ref={scroller} className={styles.scroller}>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table of focusable, selectable rows is ARIA's grid */}
      <table role="grid" aria-label="Users" aria-multiselectable="true" aria-rowcount={moreExist ? -1 : rows.length + 1} aria-colcount={columns.length + 1} className={styles.table} style={{ minWidth }}>
        <thead className={styles.head}>
          <tr aria-rowindex={1} className={styles.row} style={{ gridTemplateColumns: template }}>
            <th className={styles.checkboxCell}>
              <Checkbox aria-label="Select every user the search finds" checked={allChecked} onChange={() => props.onSelection(allChecked === true ? noSelection : { all: true, keys: new Set() })} />
            </th>
            {columns.map((column) => (
              <th key={column.id} aria-sort={ariaSort(column, sort, order)} className={styles.headerCell}>
                {column.sort ? (
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.sortButton}
                    icon={column.sort === sort ? order === "asc" ? <ArrowSortUpRegular /> : <ArrowSortDownRegular /> : undefined}
                    iconPosition="after"
                    onClick={() => props.onSort(column.sort!)}
                  >
                    {column.label}
                  </Button>
                ) : (
                  column.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const row = rows[item.index]!;
            const selected = isSelected(selection, row);
            const name = row.displayName ?? row.userPrincipalName;
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                tabIndex={item.index === activeIndex ? 0 : -1}
                data-index={item.index}
                className={mergeClasses(styles.row, styles.bodyRow, selected && styles.selected)}
                style={{ gridTemplateColumns: template, transform: `translateY(${item.start - rowHeight}px)` }}
                onFocus={() => setActive(item.index)}
                onKeyDown={(event) => onRowKeyDown(event, row, item.index)}
              >
                <td className={styles.checkboxCell}>
                  <Checkbox tabIndex={-1} aria-label={`Select ${name}`} checked={selected} onChange={() => props.onSelection(toggled(selection, row, rows))} />
                </td>
                {columns.map((column) => {
                  const text = column.text(row, roleNames);
                  return (
                    <td key={column.id} className={styles.cell} title={text}>
                      {column.id === "displayName" ? (
                        <Link href={userPath(row)} tabIndex={-1} onClick={(event) => followLink(event, row)}>
                          {text || row.userPrincipalName}
                        </Link>
                      ) : (
                        text
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 ? <p className={styles.message}>{props.emptyText}</p> : null}
    </div>
  );
}
