import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl } from "~/db/driver-adapter.server";

describe("the database DATABASE_URL names", () => {
  it("is the embedded SQLite file under the project when unset", () => {
    expect(databaseUrl({})).toBe(`file:${path.resolve("data/comeback.sqlite")}`);
    expect(databaseProvider(databaseUrl({}))).toBe("sqlite");
  });

  it("is PostgreSQL for either of its URL schemes", () => {
    expect(databaseProvider("postgresql://comeback@db.internal:5432/comeback")).toBe("postgresql");
    expect(databaseProvider("postgres://comeback@db.internal/comeback?sslmode=require")).toBe("postgresql");
  });

  it("refuses anything else, rather than guessing", () => {
    expect(() => databaseProvider("mysql://db.internal/comeback")).toThrow(/SQLite file: URL or a postgresql:\/\/ URL/);
  });
});
