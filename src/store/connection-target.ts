/** Where a PostgreSQL connection string points, without its password. */
export type ConnectionTarget = { host: string; port: number; database: string; user: string };

const URL_SHAPE = "postgres://user:password@host:5432/database";

/**
 * Reads host, port, database and user from a postgres:// URL. `origin` names where the URL came
 * from ("DATABASE_URL") for the error message, which never repeats the URL itself.
 */
export function connectionTarget(connectionString: string, origin: string): ConnectionTarget {
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new Error(`${origin} is not a PostgreSQL URL; expected the form ${URL_SHAPE}.`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new Error(`${origin} must start with postgres:// or postgresql:// (form ${URL_SHAPE}).`);
  }
  const user = decodeURIComponent(url.username) || "(the operating system user)";
  return {
    host: url.searchParams.get("host") || url.hostname || "localhost",
    port: Number(url.searchParams.get("port") || url.port || 5432),
    database: decodeURIComponent(url.pathname.slice(1)) || user,
    user,
  };
}

/** The connection string with its password replaced by "***", for logs and messages. */
export function redactConnectionString(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") return "(not a PostgreSQL URL)";
    if (url.password) url.password = "***";
    return url.href;
  } catch {
    return "(not a PostgreSQL URL)";
  }
}

/**
 * Turns a failure to connect into a message a person can act on: which server, what happened,
 * what to check. The password never appears in it.
 */
export function explainConnectionFailure(error: unknown, connectionString: string, origin: string): Error {
  const target = connectionTarget(connectionString, origin);
  const where = `PostgreSQL at ${target.host}:${target.port} (database "${target.database}", user "${target.user}", from ${origin})`;
  const password = passwordOf(connectionString);
  const message = error instanceof Error ? error.message : String(error);
  const safeMessage = password ? message.replaceAll(password, "***") : message;
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
  return new Error(`Cannot connect to ${where}: ${reason(code, safeMessage, target, origin)}`, { cause: error });
}

function reason(code: string | undefined, message: string, target: ConnectionTarget, origin: string): string {
  switch (code) {
    case "ECONNREFUSED":
      return `connection refused, nothing listens there. Check that the PostgreSQL server is running and that ${origin} names the right host and port.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host name "${target.host}" cannot be resolved. Check the host in ${origin}.`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `the server cannot be reached (${code}). Check the host and port in ${origin} and any firewall in between.`;
    case "28P01":
    case "28000":
      return `the server refused the login: ${message}. Check the user name and password in ${origin}.`;
    case "3D000":
      return `${message}. Create it (CREATE DATABASE "${target.database}") or name an existing database in ${origin}.`;
    case "57P03":
      return `${message}. The server is starting or shutting down; try again shortly.`;
    default:
      if (/timeout/i.test(message)) {
        return `no answer in time (${message}). Check the host and port in ${origin} and any firewall in between.`;
      }
      return `${message}. Check that the server is running and that ${origin} is right.`;
  }
}

function passwordOf(connectionString: string): string {
  try {
    return decodeURIComponent(new URL(connectionString).password);
  } catch {
    return "";
  }
}
