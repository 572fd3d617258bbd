// A stretch of the sort order named by the first characters of its keys, as the search index of migration 0014
// holds them: the keys fall in cells by their first character (none; below 'a'; each letter a-z; above 'z' to
// U+007F; beyond), and the keys of a letter in cells by their second character likewise. A cell is named by one
// word ('n' and the letter, 'g<', 'N' and the two letters, 'G' and the letter and '<', …; 'u', 'h', 'U', 'H' for the
// user principal name). The words for a stretch name every cell it touches: an unbroken stretch that holds the
// asked one and may reach a little further. This holds only where the database compares text by code point
// (search-estimates.ts).

const [a, z, ascii] = [97, 122, 128];
const isLetter = (codePoint: number) => codePoint >= a && codePoint <= z;
const codePoints = (key: string) => Array.from(key, (c) => c.codePointAt(0) ?? 0);
const character = (codePoint: number) => String.fromCodePoint(codePoint);

/** The cells of a level in order: the key ending here, below 'a', the letters, above 'z', beyond U+007F. */
const cells = ["end", "<", ..."abcdefghijklmnopqrstuvwxyz", ">", "+"] as const;
type Cell = (typeof cells)[number];

/** The cell of a character (undefined: the key ends before it). */
function cellOf(codePoint: number | undefined): Cell {
  if (codePoint === undefined) return "end";
  if (isLetter(codePoint)) return character(codePoint) as Cell;
  return codePoint < a ? "<" : codePoint < ascii ? ">" : "+";
}

const between = (low: Cell, high: Cell) => cells.slice(cells.indexOf(low), cells.indexOf(high) + 1);

const properties = { n: { one: "n", two: "N", firsts: "g", seconds: "G" }, u: { one: "u", two: "U", firsts: "h", seconds: "H" } };

/**
 * The words naming every key from `from` to `to` (lower-cased keys of the sorted property; an end left out is
 * open), for the display name (`n`) or the user principal name (`u`).
 */
export function startsBetween(property: "n" | "u", from: string | undefined, to: string | undefined): string[] {
  const { one, two, firsts, seconds } = properties[property];
  const firstWord = (cell: Cell) => (cell === "end" ? one : isLetter(cell.codePointAt(0)!) ? one + cell : firsts + cell);
  const secondWord = (letter: string, cell: Cell) => (cell === "end" ? two + letter : isLetter(cell.codePointAt(0)!) ? two + letter + cell : seconds + letter + cell);
  const [low, high] = [codePoints(from ?? ""), to === undefined ? undefined : codePoints(to)];
  const [lowFirst, highFirst] = [from === undefined ? "end" : cellOf(low[0]), high === undefined ? "+" : cellOf(high[0])];
  const lowLetter = from !== undefined && isLetter(low[0] ?? 0);
  const highLetter = high !== undefined && isLetter(high[0] ?? 0);
  if (lowFirst === highFirst && lowLetter && highLetter) return between(cellOf(low[1]), cellOf(high[1])).map((cell) => secondWord(lowFirst, cell));
  const words: string[] = [];
  let [middleLow, middleHigh] = [cells.indexOf(lowFirst), cells.indexOf(highFirst)];
  if (lowLetter) {
    words.push(...between(cellOf(low[1]), "+").map((cell) => secondWord(lowFirst, cell)));
    middleLow++;
  }
  if (highLetter) {
    words.push(...between("end", cellOf(high[1])).map((cell) => secondWord(highFirst, cell)));
    middleHigh--;
  }
  words.push(...cells.slice(middleLow, middleHigh + 1).map(firstWord));
  return words;
}

const last = String.fromCodePoint(0x10ffff);

/**
 * The bound of a lookup's stretch that reaches as far as it can in the given order short of the keys starting with
 * `avoid` (the text's first one or two characters: the text's range of the sort index, many users that another
 * part does not want), when they lie ahead of the page's start; undefined otherwise.
 */
export function boundShortOf(ascending: boolean, start: string | undefined, avoid: string | undefined): string | undefined {
  const [c1, c2] = codePoints(avoid ?? "");
  if (c1 === undefined || c1 >= ascii || (c2 ?? 0) >= ascii || c1 <= 1) return undefined;
  if (ascending) {
    if (start !== undefined && start >= character(c1) + (c2 === undefined ? "" : character(c2))) return undefined;
    // The last key before them: those of the character before, or of the second character before.
    return c2 === undefined ? character(c1 - 1) + last : c2 > 1 ? character(c1) + character(c2 - 1) + last : character(c1);
  }
  const after = c2 === undefined ? character(c1 + 1) : character(c1) + character(c2 + 1);
  return start === undefined || start >= after ? after : undefined;
}
