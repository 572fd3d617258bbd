// V8 concatenation (`a + b`, template literals) builds rope strings that keep every piece alive
// and are copied again when first hashed or lower-cased. Array.prototype.join writes one flat
// string instead: about half the memory per generated UPN, and faster to build.

export function flat(...parts: string[]): string {
  return parts.join("");
}
