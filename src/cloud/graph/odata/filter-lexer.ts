import type { LiteralType } from "./filter-ast.ts";
import { ODataQueryError } from "./odata-error.ts";

export type FilterToken =
  | { readonly kind: "identifier"; readonly text: string; readonly start: number; readonly end: number }
  | {
      readonly kind: "literal";
      readonly type: LiteralType;
      readonly value: string | number;
      readonly start: number;
      readonly end: number;
    }
  | {
      readonly kind: "(" | ")" | "," | "/" | ":" | "end";
      readonly start: number;
      readonly end: number;
    };

// Unquoted literals Graph accepts in $filter; the lookahead stops `6fd2...` or `2024-01-01` from
// being cut short by an identifier or number that happens to share a prefix.
const notFollowedByWord = "(?![0-9A-Za-z_])";
const GUID = new RegExp(
  `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}${notFollowedByWord}`,
  "y",
);
const DATE_TIME_OFFSET = new RegExp(
  `\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,7})?)?(?:Z|[+-]\\d{2}:\\d{2})${notFollowedByWord}`,
  "y",
);
const DATE = new RegExp(`\\d{4}-\\d{2}-\\d{2}${notFollowedByWord}`, "y");
const NUMBER = new RegExp(`-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?${notFollowedByWord}`, "y");
const IDENTIFIER = /\$?[A-Za-z_][A-Za-z0-9_]*/y;
const PUNCTUATION = new Set(["(", ")", ",", "/", ":"]);

export function invalidFilterClause(detail: string): ODataQueryError {
  return new ODataQueryError(400, "BadRequest", `Invalid filter clause: ${detail}`);
}

/** Splits a $filter expression into tokens, with offsets used in Graph's error positions. */
export function tokenizeFilter(text: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  let position = 0;
  while (true) {
    while (position < text.length && /\s/.test(text[position]!)) position++;
    if (position >= text.length) {
      tokens.push({ kind: "end", start: text.length, end: text.length });
      return tokens;
    }
    const token = readToken(text, position);
    tokens.push(token);
    position = token.end;
  }
}

function readToken(text: string, start: number): FilterToken {
  const char = text[start]!;
  if (PUNCTUATION.has(char)) {
    return { kind: char as "(" | ")" | "," | "/" | ":", start, end: start + 1 };
  }
  if (char === "'") return readString(text, start);
  const guid = matchAt(GUID, text, start);
  if (guid) return { kind: "literal", type: "guid", value: guid, start, end: start + guid.length };
  const dateTime = matchAt(DATE_TIME_OFFSET, text, start);
  if (dateTime) {
    return { kind: "literal", type: "dateTimeOffset", value: dateTime, start, end: start + dateTime.length };
  }
  const date = matchAt(DATE, text, start);
  if (date) return { kind: "literal", type: "date", value: date, start, end: start + date.length };
  const number = matchAt(NUMBER, text, start);
  if (number) {
    return { kind: "literal", type: "number", value: Number(number), start, end: start + number.length };
  }
  const identifier = matchAt(IDENTIFIER, text, start);
  if (identifier) return { kind: "identifier", text: identifier, start, end: start + identifier.length };
  throw invalidFilterClause(`Syntax error: character '${char}' is not valid at position ${start} in '${text}'.`);
}

function readString(text: string, start: number): FilterToken {
  let value = "";
  let position = start + 1;
  while (position < text.length) {
    const char = text[position]!;
    if (char === "'") {
      if (text[position + 1] === "'") {
        value += "'";
        position += 2;
        continue;
      }
      return { kind: "literal", type: "string", value, start, end: position + 1 };
    }
    value += char;
    position++;
  }
  throw invalidFilterClause(`Unterminated string literal at position ${text.length} in '${text}'.`);
}

function matchAt(pattern: RegExp, text: string, start: number): string | undefined {
  pattern.lastIndex = start;
  return pattern.exec(text)?.[0];
}
