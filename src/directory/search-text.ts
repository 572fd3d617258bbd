// How the searched text is matched. One or two characters: the start of the display name, user principal name
// or mail (too common for trigrams). From three characters: anywhere in them (search_text and its trigram index).

export type TextMatch =
  | { readonly kind: "none" }
  /** `start` is the text itself; `starts` a LIKE pattern for "begins with it". */
  | { readonly kind: "prefix"; readonly start: string; readonly starts: string }
  /** `starts` and `contains` are LIKE patterns for "begins with it" and "holds it". */
  | { readonly kind: "substring"; readonly starts: string; readonly contains: string };

const shortestSubstring = 3;

/** The text as a LIKE pattern matches it literally: \, % and _ are escaped. PostgreSQL lower-cases it, as it did search_text. */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function textMatch(text: string | undefined): TextMatch {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return { kind: "none" };
  if ([...trimmed].length < shortestSubstring) return { kind: "prefix", start: trimmed, starts: `${literal(trimmed)}%` };
  return { kind: "substring", starts: `${literal(trimmed)}%`, contains: `%${literal(trimmed)}%` };
}

/** The searched text itself, as typed (trimmed). */
export function plainText(text: TextMatch): string {
  if (text.kind === "none") return "";
  return text.kind === "prefix" ? text.start : text.starts.slice(0, -1).replace(/\\(.)/g, "$1");
}

/** The searched text lower-cased as JavaScript does (for estimates: PostgreSQL lower-cases the search itself). */
export const searchedText = (text: TextMatch) => plainText(text).toLowerCase();
