// How common a searched text is among the users, from a sample of them: the bounds of search_text's histogram
// (sampled finely, migration 0012). search_text begins with the display name, so a sampled user's display name
// starts with the text about when its search_text does.
// PostgreSQL's own estimates take "holds the text" and "starts with it" as unrelated, and count starts from a
// coarser sample of the sort index.
import { searchedText, type TextMatch } from "./search-text.ts";

export interface TextSample {
  /** Sampled users in all. */
  readonly size: number;
  /** Those whose display name starts with the text. */
  readonly starting: number;
  /** Those holding it anywhere (from three characters). */
  readonly holding: number;
}

export function sampleText(sample: readonly string[], text: TextMatch): TextSample | undefined {
  if (text.kind === "none" || sample.length < 100) return undefined;
  const searched = searchedText(text);
  let [starting, holding] = [0, 0];
  for (const user of sample) {
    if (user.startsWith(searched)) starting++;
    if (text.kind === "substring" && user.includes(searched)) holding++;
  }
  return { size: sample.length, starting, holding };
}
