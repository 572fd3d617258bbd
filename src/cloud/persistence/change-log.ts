import { createReadStream } from "node:fs";
import { appendFile, open, type FileHandle } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { ChangeOp } from "../directory/change-ops.ts";

const flushIntervalMs = 200;

/**
 * The data directory's journal: one JSON line per change, appended in batches at most 200 ms apart,
 * so an unclean kill loses well under a second of changes.
 */
export class ChangeLog {
  readonly #path: string;
  #pending: string[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();
  #handle: FileHandle | undefined;

  constructor(path: string) {
    this.#path = path;
  }

  static async *read(path: string): AsyncGenerator<ChangeOp> {
    const stream = createReadStream(path, { encoding: "utf8" });
    try {
      for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
        if (line.trim() === "") continue;
        try {
          yield JSON.parse(line) as ChangeOp;
        } catch {
          // A line cut short by a kill mid-write: everything before it is intact.
          return;
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }

  append(op: ChangeOp): void {
    this.#pending.push(`${JSON.stringify(op)}\n`);
    this.#timer ??= setTimeout(() => void this.flush(), flushIntervalMs);
  }

  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const lines = this.#pending;
    this.#pending = [];
    if (lines.length > 0) {
      this.#writing = this.#writing.then(async () => {
        this.#handle ??= await open(this.#path, "a", 0o600);
        await this.#handle.appendFile(lines.join(""));
        await this.#handle.datasync();
      });
    }
    return this.#writing;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.#handle?.close();
    this.#handle = undefined;
  }

  /** Starts a new journal holding exactly these changes (after a reset). */
  async rewrite(ops: readonly ChangeOp[]): Promise<void> {
    await this.close();
    const handle = await open(this.#path, "w", 0o600);
    await handle.close();
    if (ops.length > 0) await appendFile(this.#path, ops.map((op) => `${JSON.stringify(op)}\n`).join(""));
  }
}
