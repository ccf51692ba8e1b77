import { describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { validCrime, validHarmfulInfo, validSpam } from "@/lib/validation/fixtures";
import { jsonRequest } from "../testing/requests";
import { claimReport } from "./claims";
import { listQueue, PAGE_SIZE, queueFiltersSchema } from "./queue";

async function file(report: Record<string, unknown>) {
  return (await (await submit(jsonRequest("/api/v1/reports", report))).json()) as { id: string };
}
const filters = (q: Record<string, string>) => queueFiltersSchema.parse(q);

describe("the queue", () => {
  it("finds a URL or a phone number in any spelling", async () => {
    const a = await file({ ...validHarmfulInfo(), urls: ["https://Shop.example.net/item?id=5&utm_source=x"] });
    const b = await file({ ...validSpam(), sender: "+86 137 5555 0000" });
    const ids = async (q: string) => (await listQueue(filters({ q, status: "any" }), "nobody")).rows.map((r) => r.id);
    expect(await ids("HTTPS://shop.example.net:443/item?id=5#top")).toEqual([a.id]);
    expect(await ids("137-5555-0000")).toEqual([b.id]);
    expect(await ids("+8613755550000")).toEqual([b.id]);
    expect(await ids("unlicensed online casino")).toContain(a.id);
  });

  it("filters by category, band, claim and SLA, and ignores what it cannot read", async () => {
    const moderator = await db.user.create({ data: { email: "q@queue.test", name: "Q", role: "MODERATOR", passwordHash: "x" } });
    const danger = await file({ ...validCrime(), ongoingDanger: true });
    await claimReport(danger.id, { id: moderator.id, role: "MODERATOR" });
    const urgent = await listQueue(filters({ band: "urgent", category: "crime" }), moderator.id);
    expect(urgent.rows.map((r) => r.id)).toContain(danger.id);
    expect(urgent.rows.every((r) => r.severity === 2 && r.category === "crime")).toBe(true);
    expect((await listQueue(filters({ assigned: "me" }), moderator.id)).rows.map((r) => r.id)).toEqual([danger.id]);
    expect((await listQueue(filters({ assigned: "none" }), moderator.id)).rows.map((r) => r.id)).not.toContain(danger.id);
    await db.report.update({ where: { id: danger.id }, data: { expectedBy: new Date(Date.now() - 60_000) } });
    expect((await listQueue(filters({ sla: "breached" }), moderator.id)).rows.map((r) => r.id)).toContain(danger.id);
    expect(filters({ sort: "sideways", category: "weather", from: "yesterday" })).toMatchObject({ sort: "priority", status: "open" });
  });

  it("pages with a keyset cursor, in priority order, without repeats or gaps", async () => {
    await db.report.updateMany({ data: { status: "closed", isOpen: false } });
    for (let i = 0; i < PAGE_SIZE + 20; i++) await file({ ...validHarmfulInfo(), urls: [`https://page.example/${i}`] });
    const first = await listQueue(filters({}), "nobody");
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.next).toBeDefined();
    const second = await listQueue(filters({ after: first.next! }), "nobody");
    expect(second.rows).toHaveLength(20);
    expect(second.next).toBeUndefined();
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(PAGE_SIZE + 20);
    const keys = all.map((r) => [-r.severity, r.dueHour, -r.targetCount, r.id].join("|"));
    expect(keys).toEqual([...keys].sort((a, b) => {
      const [x, y] = [a.split("|"), b.split("|")];
      for (let i = 0; i < 3; i++) if (Number(x[i]) !== Number(y[i])) return Number(x[i]) - Number(y[i]);
      return x[3] < y[3] ? -1 : 1;
    }));
  });
});
