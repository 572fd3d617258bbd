import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { connectionTarget, explainConnectionFailure, redactConnectionString } from "./connection-target.ts";

describe("connection target", () => {
  it("reads host, port, database and user, with PostgreSQL's defaults", () => {
    assert.deepEqual(connectionTarget("postgres://app:pw@db.internal:6432/tenantry?sslmode=require", "DATABASE_URL"), {
      host: "db.internal",
      port: 6432,
      database: "tenantry",
      user: "app",
    });
    assert.deepEqual(connectionTarget("postgresql://app@db.internal", "DATABASE_URL"), { host: "db.internal", port: 5432, database: "app", user: "app" });
    assert.deepEqual(connectionTarget("postgresql:///tenantry?host=/var/run/postgresql&user=app", "DATABASE_URL").host, "/var/run/postgresql");
  });

  it("redacts the password for logs", () => {
    assert.equal(redactConnectionString("postgres://app:s%40cret@db:5432/tenantry"), "postgres://app:***@db:5432/tenantry");
    assert.equal(redactConnectionString("postgres://app@db/tenantry"), "postgres://app@db/tenantry");
    assert.equal(redactConnectionString("app:secret at db"), "(not a PostgreSQL URL)");
    assert.equal(redactConnectionString("secret"), "(not a PostgreSQL URL)");
  });

  it("names the host it could not resolve", () => {
    const failure = Object.assign(new Error("getaddrinfo ENOTFOUND db.invalid"), { code: "ENOTFOUND" });
    assert.equal(
      explainConnectionFailure(failure, "postgres://app:pw@db.invalid/tenantry", "DATABASE_URL").message,
      'Cannot connect to PostgreSQL at db.invalid:5432 (database "tenantry", user "app", from DATABASE_URL): the host name "db.invalid" cannot be resolved. Check the host in DATABASE_URL.',
    );
  });

  it("removes the password even from a message that repeats it", () => {
    const failure = new Error("something mentioned p@ss-word-123 by mistake");
    const message = explainConnectionFailure(failure, "postgres://app:p%40ss-word-123@db/tenantry", "DATABASE_URL").message;
    assert.equal(message.includes("p@ss-word-123"), false);
    assert.match(message, /something mentioned \*\*\* by mistake/);
  });
});
