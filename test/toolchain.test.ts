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

describe(".ci/run", () => {
  const script = readFileSync(".ci/run", "utf8");
  const npmCommands = script
    .split("\n")
    .filter((line) => line.startsWith("npm "))
    .map((line) => line.replace(" --silent", ""));
  const twoCommands = readFileSync("README.md", "utf8").split("\n## Two commands\n")[1]!.split("```")[1]!;
  const readmeCommands = twoCommands.split("\n").slice(1).map((line) => line.split("#")[0]!.trim()).filter(Boolean);

  it("lints, typechecks, then runs the README's test command last, so CI's last line is its totals line", () => {
    expect(readmeCommands).toContain("npm test");
    expect(npmCommands).toEqual(["npm run lint", "npm run typecheck", "npm test"]);
  });

  it("stops at the first command that fails", () => {
    expect(script).toMatch(/^set -euo pipefail$/m);
  });
});
