import { describe, expect, it } from "vitest";
import { failure } from "./errors";

describe("a form action's failure", () => {
  it("keeps what was typed and says the service is briefly unavailable when the database cannot be reached", () => {
    const values = { description: "What I typed", channel: "sms" };
    for (const error of [
      new Error("connect ECONNREFUSED 127.0.0.1:5432"),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }),
      // A raw query (the rate limiter, the intake writer) on a connection PostgreSQL dropped.
      Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`"), {
        code: "P2010",
        meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } },
      }),
      Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } }),
    ]) {
      expect(failure(error, values)).toEqual({ ok: false, formError: "errors.unavailable", values });
    }
  });

  it("keeps the values on an unexpected error too, with a reference to quote", () => {
    const result = failure(new Error("something else"), { description: "kept" });
    expect(result).toMatchObject({ ok: false, values: { description: "kept" } });
    expect((result as { formError: string }).formError).toMatch(/^errors\.internal\|[0-9a-f-]{36}$/);
  });
});
