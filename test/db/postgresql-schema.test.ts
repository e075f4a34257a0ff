import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresqlSchemaFrom, SQLITE_SCHEMA } from "../../scripts/prisma/postgresql-schema.mjs";

const source = readFileSync(SQLITE_SCHEMA, "utf8");
const models = (schema: string) => schema.slice(schema.indexOf("// Access tokens"));

describe("PostgreSQL's schema, derived from the one source", () => {
  it("swaps the provider and generates its client apart, keeping every model as written", () => {
    const derived = postgresqlSchemaFrom(source);
    expect(derived).toMatch(/datasource db \{[^}]*provider = "postgresql"/);
    expect(derived).toContain('output     = "../../node_modules/.prisma/client-postgresql"');
    expect(models(derived)).toBe(models(source));
  });

  it("refuses a source it cannot derive from", () => {
    expect(() => postgresqlSchemaFrom(source.replace('"sqlite"', '"mysql"'))).toThrow(/no sqlite datasource/);
    expect(() => postgresqlSchemaFrom(source.replace('engineType = "client"', ""))).toThrow(/engineType/);
  });
});
