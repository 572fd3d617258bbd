import { Button, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { fetchUsersPage, type UsersPage, type UsersSearch } from "../../api/users-search.ts";
import { ErrorBar } from "../../app/error-bar.tsx";
import type { UserColumn } from "./users-columns.ts";
import { csvHeader, csvRows } from "./users-csv.ts";

const useStyles = makeStyles({
  progress: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  bar: { width: "120px" },
});

interface CsvExportProps {
  readonly search: UsersSearch;
  /** The pages of this search the table holds already: the export goes on from the last. */
  readonly loaded: readonly UsersPage[];
  readonly columns: readonly UserColumn[];
  readonly roleNames: ReadonlyMap<string, string>;
}

/** Every user the search finds, with the columns shown, as a CSV file (UTF-8 with a byte order mark, for spreadsheets). */
async function exportCsv({ search, loaded, columns, roleNames }: CsvExportProps, signal: AbortSignal, progress: (rows: number) => void): Promise<Blob> {
  const parts = ["\uFEFF", csvHeader(columns)];
  let rows = 0;
  const add = (page: UsersPage) => {
    parts.push(csvRows(page.value, columns, roleNames));
    rows += page.value.length;
    progress(rows);
  };
  loaded.forEach(add);
  let cursor = loaded.length === 0 ? undefined : loaded.at(-1)?.nextCursor;
  while (cursor !== null) {
    const page = await fetchUsersPage(search, cursor, signal);
    add(page);
    cursor = page.nextCursor;
  }
  return new Blob(parts, { type: "text/csv;charset=utf-8" });
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function CsvExport(props: CsvExportProps) {
  const styles = useStyles();
  const [rows, setRows] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = useRef<AbortController | null>(null);

  const start = async () => {
    const controller = new AbortController();
    running.current = controller;
    setError(null);
    setRows(0);
    try {
      const blob = await exportCsv(props, controller.signal, setRows);
      download(blob, `users-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (caught) {
      if (!controller.signal.aborted) setError(caught);
    } finally {
      running.current = null;
      setRows(null);
    }
  };

  if (rows !== null) {
    return (
      <div className={styles.progress}>
        <ProgressBar className={styles.bar} aria-label="Exporting users" />
        <Text role="status">{`Exporting: ${rows.toLocaleString()} users`}</Text>
        <Button onClick={() => running.current?.abort()}>Cancel export</Button>
      </div>
    );
  }
  return (
    <>
      <Button icon={<ArrowDownloadRegular />} onClick={() => void start()}>
        Export CSV
      </Button>
      {error ? <ErrorBar error={error} title="The export stopped" /> : null}
    </>
  );
}
