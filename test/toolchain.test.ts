import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};

const major = (version: string) => Number(version.replace(/^v/, "").split(".")[0]);

describe("Node 22", () => {
  it("is what the project declares and installs", () => {
    expect(packageJson.engines.node).toBe(">=22.12");
    expect(major(packageJson.dependencies.node ?? "")).toBe(22);
  });

  it("runs the tests", () => {
    expect(major(process.version)).toBeGreaterThanOrEqual(22);
  });

  it("runs npm scripts even when the machine's own node is older", async () => {
    const projectBin = path.resolve("node_modules/.bin");
    const machinePath = (process.env.PATH ?? "").split(path.delimiter).filter((entry) => entry !== projectBin);
    const { stdout } = await run("npm", ["exec", "--", "node", "-p", "process.versions.node"], {
      env: { ...process.env, PATH: machinePath.join(path.delimiter) },
    });
    expect(major(stdout.trim())).toBe(22);
  });
});
