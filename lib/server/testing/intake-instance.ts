/**
 * A second app instance, for tests of what instances share: run with
 * `node --conditions=react-server --import tsx lib/server/testing/intake-instance.ts N LABEL`
 * and the database's environment. Once loaded it prints "ready" and waits for a line on
 * stdin, so that several instances start together; then it sends N spam reports one after
 * another through the intake route (N transactions), and prints their ids as one JSON line.
 */
import { createInterface } from "node:readline";
import { POST as submit } from "@/app/api/v1/reports/route";
import { validSpam } from "@/lib/validation/fixtures";
import { jsonRequest } from "./requests";

const count = Number(process.argv[2] ?? 10);
const label = process.argv[3] ?? "instance";

async function main() {
  console.log("ready");
  await new Promise((resolve) => createInterface({ input: process.stdin }).once("line", resolve));
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const response = await submit(jsonRequest("/api/v1/reports", { ...validSpam(), content: `${label} report ${i}: pay the parcel fee.` }));
    if (response.status !== 201) {
      console.error(`report ${i}: ${response.status}`);
      process.exit(1);
    }
    ids.push(((await response.json()) as { id: string }).id);
  }
  console.log(JSON.stringify(ids));
  process.exit(0);
}

void main();
