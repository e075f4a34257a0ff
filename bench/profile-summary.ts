// `npx tsx bench/profile-summary.ts FILE.cpuprofile [--top 25]`: where a V8 CPU profile (node
// --cpu-prof) spent its time, by function and by package, without opening DevTools.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ options: { top: { type: "string", default: "25" } }, allowPositionals: true });
const top = Number(values.top);

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const total = [...selfMs.values()].reduce((sum, value) => sum + value, 0);

  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const where = url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
    byFunction.set(`${functionName || "(anonymous)"}  ${where}:${lineNumber + 1}`, (byFunction.get(`${functionName || "(anonymous)"}  ${where}:${lineNumber + 1}`) ?? 0) + ms);
    byPackage.set(packageOf(where, functionName), (byPackage.get(packageOf(where, functionName)) ?? 0) + ms);
  }
  console.log(`\n${file}: ${(total / 1000).toFixed(1)} s sampled`);
  print("by package", byPackage, total, top);
  print("by function (self time)", byFunction, total, top);
}

function packageOf(where: string, functionName: string): string {
  const modules = where.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1]!;
  if (where.startsWith("node:")) return "node internals";
  if (!where) return functionName.startsWith("(") ? functionName : "V8 / native";
  return where.split("/").slice(0, 2).join("/");
}

function print(title: string, times: Map<string, number>, total: number, count: number) {
  console.log(`  ${title}:`);
  for (const [name, ms] of [...times].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`    ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
}
