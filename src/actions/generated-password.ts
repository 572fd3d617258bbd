import { randomInt } from "node:crypto";

// Look-alike characters (I l 1 O 0) are left out: the password is read off a screen and typed once.
const classes = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#$%&*+-=?@^_"];
const all = classes.join("");

/**
 * A password Entra accepts: 16 characters (Entra wants 8 to 256) from all four classes (it wants three of
 * four), chosen with a cryptographic generator. 16 characters from 70 give about 98 bits.
 */
export function generatePassword(length = 16): string {
  const chars = classes.map((set) => set[randomInt(set.length)]!);
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}
