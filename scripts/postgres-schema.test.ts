import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the CLI, without types
import { postgresSchema, postgresSchemaPath } from "./postgres-schema.mjs";

describe("the PostgreSQL schema", () => {
  it("is the SQLite schema with only the provider and the client output changed", () => {
    const source = readFileSync(path.join(import.meta.dirname, "..", "prisma", "schema.prisma"), "utf8");
    expect(readFileSync(postgresSchemaPath, "utf8")).toBe(postgresSchema(source));
  });
});
