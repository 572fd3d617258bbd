// CSV as RFC 4180 writes it (and spreadsheets save it): commas, quotes doubled inside quoted cells, cells
// spanning lines, CRLF or LF, a UTF-8 byte order mark. Each record keeps the line it starts on, for messages.

export interface CsvRecord {
  /** The line (1-based) the record starts on. */
  readonly line: number;
  readonly cells: readonly string[];
  /** Set when the record cannot be read as CSV (a quote never closed). */
  readonly problem?: string;
}

/**
 * The records of `text`, blank lines left out. Stops at `maxRecords` (the caller says the file is too long
 * when there are more). A quoted cell left open swallows the rest of the file, so it ends the records.
 */
export function csvRecords(text: string, maxRecords: number): { records: CsvRecord[]; truncated: boolean } {
  const records: CsvRecord[] = [];
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let line = 1;
  let position = 0;
  while (position < source.length) {
    if (records.length === maxRecords) return { records, truncated: true };
    const start = line;
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    let ended = false;
    while (position < source.length && !ended) {
      const c = source[position]!;
      if (quoted) {
        if (c === '"' && source[position + 1] === '"') {
          cell += '"';
          position += 2;
          continue;
        }
        if (c === '"') quoted = false;
        else {
          if (c === "\n") line++;
          cell += c;
        }
        position++;
        continue;
      }
      if (c === '"' && cell === "") quoted = true;
      else if (c === ",") {
        cells.push(cell);
        cell = "";
      } else if (c === "\n" || (c === "\r" && source[position + 1] === "\n")) {
        position += c === "\r" ? 1 : 0;
        line++;
        ended = true;
      } else cell += c;
      position++;
    }
    if (quoted) {
      records.push({ line: start, cells: [...cells, cell], problem: "A quoted cell is never closed (a \" is missing); the rest of the file was not read." });
      return { records, truncated: false };
    }
    cells.push(cell);
    if (cells.length === 1 && cells[0]!.trim() === "") continue;
    records.push({ line: start, cells });
  }
  return { records, truncated: false };
}
