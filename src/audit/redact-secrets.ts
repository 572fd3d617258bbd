import type { JsonValue } from "./audit-entry.ts";

export const redacted = "[redacted]";

// Deliberately broad: redacting a harmless value costs less than keeping a secret in an immutable log.
const secretKey = /password|secret|token|key|credential/i;

/** A copy of `value` (as JSON) in which the value of every key that names a secret, at any depth, is "[redacted]" unless it is a boolean or null. */
export function redactSecrets(value: unknown): JsonValue {
  return redact(toJson(value));
}

function redact(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return value;
  // A yes/no (forceChangePasswordNextSignIn) names a secret but holds none.
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, secretKey.test(key) && typeof inner !== "boolean" && inner !== null ? redacted : redact(inner)]));
}

/** The value as it reads back from JSON (dates become strings, undefined members disappear), so that what is hashed is what is stored. */
export function toJson(value: unknown): JsonValue {
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}
