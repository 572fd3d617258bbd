import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// A salted SHA-256 is enough here: the local cloud must check passwords, not resist offline attack,
// and a slow hash would make bulk password resets in benchmarks measure the hash instead of the cloud.
export function hashPassword(password: string, salt = randomBytes(12).toString("base64url")): string {
  return `${salt}$${createHash("sha256").update(salt).update(password).digest("base64url")}`;
}

export function passwordMatches(password: string, stored: string | null): boolean {
  if (!stored) return false;
  const [salt = ""] = stored.split("$", 1);
  const candidate = Buffer.from(hashPassword(password, salt));
  const expected = Buffer.from(stored);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}
