import { ODataQueryError } from "./odata-error.ts";
import { unsupportedQuery } from "./query-rule-errors.ts";
import type { PropertyReader } from "./read-property.ts";
import { matchesSearchTokens } from "./search-tokenizer.ts";

export type SearchExpr =
  | { readonly kind: "term"; readonly property: string; readonly text: string }
  | { readonly kind: "and" | "or"; readonly left: SearchExpr; readonly right: SearchExpr };

type SearchToken =
  | { readonly kind: "phrase"; readonly text: string; readonly end: number }
  | { readonly kind: "AND" | "OR" | "NOT" | "(" | ")" | "end"; readonly end: number };

/** Properties Graph searches by tokens; every other property is matched with startsWith. */
const TOKENIZED_PROPERTIES = new Set(["displayname", "description"]);

/**
 * Parses directory $search: `"property:text"` clauses in double quotes (backslash escapes `"` and
 * `\`), combined with upper-case AND / OR and parentheses; clauses side by side mean AND.
 */
export function parseSearch(text: string): SearchExpr {
  const tokens = tokenizeSearch(text);
  let index = 0;
  const peek = () => tokens[index]!;
  const take = () => tokens[index++]!;
  const syntaxError = (token: SearchToken) =>
    new ODataQueryError(400, "BadRequest", `Syntax error at position ${token.end} in '${text}'.`);

  const parseOr = (): SearchExpr => {
    let left = parseAnd();
    while (peek().kind === "OR") {
      take();
      left = { kind: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): SearchExpr => {
    let left = parsePrimary();
    while (["AND", "phrase", "(", "NOT"].includes(peek().kind)) {
      if (peek().kind === "AND") take();
      left = { kind: "and", left, right: parsePrimary() };
    }
    return left;
  };
  const parsePrimary = (): SearchExpr => {
    const token = take();
    if (token.kind === "phrase") return termOf(token.text);
    if (token.kind === "NOT") throw unsupportedQuery();
    if (token.kind !== "(") throw syntaxError(token);
    const inner = parseOr();
    const close = take();
    if (close.kind !== ")") throw syntaxError(close);
    return inner;
  };

  const expression = parseOr();
  if (peek().kind !== "end") throw syntaxError(peek());
  return expression;
}

/**
 * Predicate for a parsed $search. displayName and description match by tokens (see
 * search-tokenizer.ts); other properties match when their value, or an item of a string
 * collection such as proxyAddresses, starts with the text, ignoring case.
 */
export function compileSearch(expr: SearchExpr, read: PropertyReader): (record: object) => boolean {
  switch (expr.kind) {
    case "and": {
      const left = compileSearch(expr.left, read);
      const right = compileSearch(expr.right, read);
      return (record) => left(record) && right(record);
    }
    case "or": {
      const left = compileSearch(expr.left, read);
      const right = compileSearch(expr.right, read);
      return (record) => left(record) || right(record);
    }
    case "term": {
      const { property, text } = expr;
      const matches = TOKENIZED_PROPERTIES.has(property.toLowerCase())
        ? (value: string) => matchesSearchTokens(value, text)
        : (value: string) => value.toLowerCase().startsWith(text.toLowerCase());
      return (record) => {
        const value = read(record, property);
        const candidates = Array.isArray(value) ? value : [value];
        return candidates.some((candidate) => typeof candidate === "string" && matches(candidate));
      };
    }
  }
}

/** Names of the properties a $search expression refers to, for validation. */
export function searchProperties(expr: SearchExpr): string[] {
  return expr.kind === "term" ? [expr.property] : [...searchProperties(expr.left), ...searchProperties(expr.right)];
}

function termOf(phrase: string): SearchExpr {
  const colon = phrase.indexOf(":");
  const property = colon < 0 ? "" : phrase.slice(0, colon).trim();
  const text = phrase.slice(colon + 1).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(property) || text === "") throw unsupportedQuery();
  return { kind: "term", property, text };
}

function tokenizeSearch(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  let position = 0;
  while (true) {
    while (position < text.length && /\s/.test(text[position]!)) position++;
    if (position >= text.length) {
      tokens.push({ kind: "end", end: text.length });
      return tokens;
    }
    const char = text[position]!;
    if (char === "(" || char === ")") {
      tokens.push({ kind: char, end: ++position });
    } else if (char === '"') {
      const phrase = readPhrase(text, position);
      tokens.push({ kind: "phrase", text: phrase.text, end: phrase.end });
      position = phrase.end;
    } else {
      const word = readWord(text, position);
      const keyword = word.text;
      // A bare word is a clause without its property, which directory objects refuse.
      if (keyword !== "AND" && keyword !== "OR" && keyword !== "NOT") throw unsupportedQuery();
      tokens.push({ kind: keyword, end: word.end });
      position = word.end;
    }
  }
}

function readPhrase(text: string, start: number): { text: string; end: number } {
  let value = "";
  let position = start + 1;
  while (position < text.length) {
    const char = text[position]!;
    if (char === '"') return { text: value, end: position + 1 };
    if (char === "\\" && position + 1 < text.length) {
      value += text[position + 1];
      position += 2;
      continue;
    }
    value += char;
    position++;
  }
  throw new ODataQueryError(400, "BadRequest", `Unterminated string literal at position ${text.length} in '${text}'.`);
}

// Outside double quotes only letters and digits form words; Graph refuses anything else
// ("Syntax error: character ':' is not valid at position 7 in 'subject:\"...\"'.").
function readWord(text: string, start: number): { text: string; end: number } {
  let position = start;
  while (position < text.length && !/[\s()"]/.test(text[position]!)) {
    const char = text[position]!;
    if (!/[\p{L}\p{N}]/u.test(char)) {
      throw new ODataQueryError(
        400,
        "BadRequest",
        `Syntax error: character '${char}' is not valid at position ${position} in '${text}'.`,
      );
    }
    position++;
  }
  return { text: text.slice(start, position), end: position };
}
