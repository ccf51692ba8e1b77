import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every exported server action must start with its guard: staff actions with requireRole,
 * which re-reads the user; public ones with the rate limit. Read from the source, so that
 * a new action without a guard fails here before it can ship.
 */
const dir = path.join(import.meta.dirname);
const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));

function actionsIn(source: string): { name: string; body: string }[] {
  const found: { name: string; body: string }[] = [];
  const pattern = /export async function (\w+)\([^)]*\)[^{]*\{([\s\S]*?)\n\}/g;
  for (const match of source.matchAll(pattern)) found.push({ name: match[1], body: match[2] });
  return found;
}

describe("server actions", () => {
  const staff = ["moderation.ts", "auth.ts"];
  const admin = ["admin.ts"];
  it.each(files.filter((f) => readFileSync(path.join(dir, f), "utf8").startsWith('"use server"')))("%s: every action is guarded", (file) => {
    const actions = actionsIn(readFileSync(path.join(dir, file), "utf8"));
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      const firstLines = action.body.trim().split("\n").slice(0, 6).join("\n");
      if (admin.includes(file)) {
        expect(firstLines, `${file} ${action.name}`).toMatch(/await requireAdmin\(\)/);
      } else if (staff.includes(file)) {
        // signOutAction ends the caller's own session and needs no role.
        if (action.name === "signOutAction") continue;
        expect(firstLines, `${file} ${action.name}`).toMatch(/await requireRole\(/);
      } else if (file === "sign-in.ts") {
        // Signing in needs no session; both steps go through the per-client throttle.
        expect(action.body, `${file} ${action.name}`).toMatch(/await (signInWithPassword|giveSecondFactor)\(/);
      } else if (file === "report.ts") {
        // The report form's action and its upload route share receiveReportForm, whose
        // guard is checked below.
        expect(firstLines, `${file} ${action.name}`).toMatch(/^return receiveReportForm\(/);
      } else if (file === "locale.ts") {
        continue; // sets the visitor's own language cookie; no data is touched
      } else {
        expect(firstLines, `${file} ${action.name}`).toMatch(/enforceRateLimit\(/);
      }
    }
  });

  it("receiveReportForm (lib/server/report-form.ts) starts with the rate limit", () => {
    const source = readFileSync(path.join(dir, "..", "report-form.ts"), "utf8");
    const body = /export async function receiveReportForm\([^)]*\)[^{]*\{([\s\S]*?)\n\}/.exec(source)?.[1] ?? "";
    expect(body.trim().split("\n").slice(0, 6).join("\n")).toMatch(/await enforceRateLimit\(/);
  });
});
