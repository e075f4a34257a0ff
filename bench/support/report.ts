import os from "node:os";
import type { BenchDatabase } from "./bench-database";

export interface TargetCheck {
  target: string;
  met: boolean;
  measured: string;
}

const load = () => os.loadavg().map((average) => average.toFixed(2)).join(" ");

/** The run's heading: what, on which database, when, and how busy the machine was (other work skews figures). */
export function printHeading(title: string, database: BenchDatabase): void {
  console.log(`\n${title}`);
  console.log(`  database: ${database.kind} (${database.label})`);
  console.log(`  ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores, Node ${process.version}, load average ${load()}\n`);
}

/** Rows of figures as aligned columns; the first row is the header. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  for (const row of rows) console.log(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("   ")}`);
  console.log("");
}

export function printTargets(checks: TargetCheck[]): void {
  console.log("  targets:");
  for (const check of checks) console.log(`    ${check.met ? "MET   " : "MISSED"}  ${check.target}: ${check.measured}`);
  console.log(`\n  load average at the end: ${load()}`);
}

export const ms = (value: number) => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`;
export const ratio = (value: number, baseline: number) => (baseline > 0 ? `${((value / baseline) * 100).toFixed(0)} %` : "n/a");
export const times = (value: number, baseline: number) => (baseline > 0 ? `${(value / baseline).toFixed(1)}×` : "n/a");
