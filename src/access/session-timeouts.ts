/** How long a signed-in session lasts: without use (idle), and at most since sign-in (absolute). */
export interface SessionTimeouts {
  readonly idleSeconds: number;
  readonly absoluteSeconds: number;
}

export const defaultSessionTimeouts: SessionTimeouts = { idleSeconds: 30 * 60, absoluteSeconds: 12 * 60 * 60 };

function positiveNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) throw new Error(`${name} must be a positive number, not '${text.slice(0, 40)}'.`);
  return value;
}

/** TENANTRY_SESSION_IDLE_MINUTES and TENANTRY_SESSION_ABSOLUTE_HOURS (fractions allowed), else 30 minutes and 12 hours. */
export function sessionTimeoutsFrom(env: NodeJS.ProcessEnv): SessionTimeouts {
  const idleMinutes = positiveNumber(env, "TENANTRY_SESSION_IDLE_MINUTES");
  const absoluteHours = positiveNumber(env, "TENANTRY_SESSION_ABSOLUTE_HOURS");
  const timeouts = {
    idleSeconds: idleMinutes === undefined ? defaultSessionTimeouts.idleSeconds : idleMinutes * 60,
    absoluteSeconds: absoluteHours === undefined ? defaultSessionTimeouts.absoluteSeconds : absoluteHours * 3600,
  };
  if (timeouts.idleSeconds > timeouts.absoluteSeconds) {
    throw new Error("TENANTRY_SESSION_IDLE_MINUTES is longer than the absolute session lifetime (TENANTRY_SESSION_ABSOLUTE_HOURS, 12 hours unless set).");
  }
  return timeouts;
}
