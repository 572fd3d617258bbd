type CharacterClass = "lower" | "upper" | "letter" | "digit" | "symbol";

/**
 * Splits text into the lowercase tokens Graph's directory $search matches on: words break at
 * spaces, at a lowercase-to-uppercase change (`HelloWorld` → hello, world; `HELLOworld` stays one
 * word), between letters, digits and symbols (`hello123world` → hello, 123, world), and every run
 * of symbols is a token of its own. With `joinWords`, each space-separated chunk also yields its
 * words joined (`hello.world` → helloworld), which is how Graph lets `helloworld` find `hello-world`.
 */
export function searchTokens(text: string, joinWords: boolean): string[] {
  const tokens: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    if (chunk === "") continue;
    const parts = splitChunk(chunk);
    tokens.push(...parts.map((part) => part.text));
    const words = parts.filter((part) => part.kind !== "symbol");
    if (joinWords && parts.length > 1 && words.length > 0) tokens.push(words.map((word) => word.text).join(""));
  }
  return tokens;
}

/** True when every query token is the prefix of some token of the value. */
export function matchesSearchTokens(value: string, query: string): boolean {
  const valueTokens = searchTokens(value, true);
  return searchTokens(query, false).every((wanted) => valueTokens.some((token) => token.startsWith(wanted)));
}

function splitChunk(chunk: string): { text: string; kind: "word" | "symbol" }[] {
  const parts: { text: string; kind: "word" | "symbol" }[] = [];
  let current = "";
  let previous: CharacterClass | undefined;
  for (const char of chunk) {
    const kind = classify(char);
    if (previous !== undefined && startsNewPart(previous, kind)) {
      parts.push({ text: current.toLowerCase(), kind: previous === "symbol" ? "symbol" : "word" });
      current = "";
    }
    current += char;
    previous = kind;
  }
  if (previous !== undefined) parts.push({ text: current.toLowerCase(), kind: previous === "symbol" ? "symbol" : "word" });
  return parts;
}

function startsNewPart(previous: CharacterClass, next: CharacterClass): boolean {
  if (previous === "lower" && next === "upper") return true;
  return group(previous) !== group(next);
}

function group(kind: CharacterClass): "letter" | "digit" | "symbol" {
  return kind === "lower" || kind === "upper" ? "letter" : kind;
}

function classify(char: string): CharacterClass {
  if (/\p{Ll}/u.test(char)) return "lower";
  if (/\p{Lu}/u.test(char)) return "upper";
  if (/\p{L}/u.test(char)) return "letter";
  if (/\p{N}/u.test(char)) return "digit";
  return "symbol";
}
