import { Field, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";

const useStyles = makeStyles({
  file: { padding: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground1 },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** The API's bound on an upload. */
const maxCsvBytes = 16 * 1024 * 1024;

export interface CsvFile {
  readonly name: string;
  readonly text: string;
}

/** A CSV upload: read in the browser and sent as text; its rows are checked by the API, line by line. */
export function CsvFileField({ columns, file, error, onChange }: { readonly columns: readonly string[]; readonly file: CsvFile | null; readonly error: string | undefined; readonly onChange: (file: CsvFile | null) => void }) {
  const styles = useStyles();
  const [readError, setReadError] = useState<string>();
  const message = readError ?? error;
  return (
    <Field
      label="CSV file"
      hint={
        <>
          First line: <span className={styles.code}>{columns.join(",")}</span> (any of the columns after the first two). {file ? `${file.name}: ${file.text.split("\n").filter((line) => line.trim()).length - 1} lines after the first.` : ""}
        </>
      }
      validationMessage={message}
      validationState={message ? "error" : "none"}
    >
      {(props) => (
        <input
          {...props}
          className={styles.file}
          type="file"
          accept=".csv,text/csv"
          onChange={async (event) => {
            const chosen = event.target.files?.[0];
            setReadError(undefined);
            if (!chosen) return onChange(null);
            if (chosen.size > maxCsvBytes) {
              setReadError(`The file is larger than ${maxCsvBytes / 1024 / 1024} MB; split it.`);
              return onChange(null);
            }
            onChange({ name: chosen.name, text: await chosen.text() });
          }}
        />
      )}
    </Field>
  );
}
