#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): self time grouped by where the code
// lives (the portal's validation, Prisma, Next.js, the rate limiter, …) and the top
// functions. `node scripts/bench/profile-summary.mjs FILE.cpuprofile [--top N]`
import { readFileSync } from "node:fs";

const [file] = process.argv.slice(2);
const top = Number(process.argv[process.argv.indexOf("--top") + 1]) || 15;
const profile = JSON.parse(readFileSync(file, "utf8"));

const groups = [
  ["validation (zod)", /node_modules\/zod\//],
  ["validation (portal: lib/validation, lib/targets)", /\/lib\/(validation|targets)\//],
  ["rate limiter", /rate-limit/],
  ["Prisma client + adapter", /@prisma|generated\/prisma|\.prisma\//],
  ["better-sqlite3 / pg", /better-sqlite3|node_modules\/pg(-[a-z]+)?\//],
  ["Next.js", /node_modules\/next\//],
  ["React", /node_modules\/react/],
  ["portal: lib/server", /\/lib\/server\//],
  ["portal: other", /\/(lib|app)\//],
  ["Node.js internals", /^node:|^internal\//],
  ["autocannon", /autocannon/],
  ["other node_modules", /node_modules/],
];
/** Code bundled into the build's chunks, told apart by function name. */
const bundled = [
  ["SQLite statements (run, all: includes the commit's sync)", /^(run|all|columns|raw|get|iterate)$/],
  ["validation (zod)", /_zod|zod/i],
];
const groupOf = (frame) => {
  if (/\/\.next\/server\/chunks\//.test(frame.url)) return bundled.find(([, pattern]) => pattern.test(frame.functionName))?.[0] ?? "portal code and bundled libraries (.next chunks)";
  if (/^wasm:/.test(frame.url)) return "Prisma query compiler (wasm)";
  if (!frame.url) return frame.functionName === "(garbage collector)" ? "garbage collection" : frame.functionName === "(idle)" ? "(idle)" : frame.functionName === "(program)" ? "(program: native, not JS)" : "(native)";
  return groups.find(([, pattern]) => pattern.test(frame.url))?.[0] ?? "other";
};

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
}
let total = 0;
const byGroup = new Map();
const byFunction = new Map();
for (const [id, micros] of self) {
  const frame = byId.get(id).callFrame;
  const group = groupOf(frame);
  if (group === "(idle)") continue;
  total += micros;
  byGroup.set(group, (byGroup.get(group) ?? 0) + micros);
  const name = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*?\/(lib|app)\//, "$1/")}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
}
const pct = (micros) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
console.log(`Busy CPU time ${(total / 1e6).toFixed(2)} s (idle excluded), self time by where the code lives:`);
for (const [group, micros] of [...byGroup].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(micros)}  ${group}`);
console.log(`Top ${top} functions by self time:`);
for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(micros)}  ${name}`);
