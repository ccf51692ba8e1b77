import { describe, expect, it } from "vitest";
import { MAX_TARGETS } from "@/lib/targets/extract";
import { validSpam } from "@/lib/validation/fixtures";
import { reportSchema } from "@/lib/validation/report";
import { extractTargets, LARGE_EML_BYTES } from "./extraction";
import { ApiError } from "./http";

const emlWith = (body: string) =>
  ["From: Promo <Deals@Spam.example.com>", "Subject: offer", "Date: Wed, 25 Nov 2026 10:00:00 +0000", "", body, ""].join("\r\n");
const emailReport = (rawEmail: string) =>
  reportSchema.parse({ ...validSpam(), channel: "email", sender: "deals@spam.example.com", recipient: undefined, content: undefined, rawEmail });
const bytes = (text: string) => new TextEncoder().encode(text);

describe("extractTargets", { timeout: 60_000 }, () => {
  it("reads a large email in the worker thread: header facts, capped keys and the count of the rest", async () => {
    const raw = emlWith(Array.from({ length: 20_000 }, (_, i) => `http://spam${i}.example.com/`).join("\n"));
    expect(raw.length).toBeGreaterThan(LARGE_EML_BYTES);
    const { email, found } = await extractTargets(emailReport(raw), bytes(raw));
    expect(email).toMatchObject({ from: "deals@spam.example.com", fromName: "Promo", subject: "offer" });
    expect(found.targets).toHaveLength(MAX_TARGETS);
    expect(found.omitted).toBe(1 + 20_000 - MAX_TARGETS);
  });

  it("keeps working after a job and answers short spam text on the spot", async () => {
    const raw = emlWith("call http://one.example.com/ now");
    const first = await extractTargets(emailReport(raw), bytes(raw));
    expect(first.found.targets).toEqual([
      { kind: "email", value: "deals@spam.example.com" },
      { kind: "url", value: "http://one.example.com/" },
    ]);
    const inline = await extractTargets(reportSchema.parse(validSpam()), undefined);
    expect(inline.email).toBeUndefined();
    expect(inline.found.targets.length).toBeGreaterThan(0);
  });

  it("turns away large emails beyond the lane's queue with 503, and still serves the ones it took", async () => {
    const raw = bytes(emlWith(Array.from({ length: 20_000 }, (_, i) => `http://q${i}.example.com/`).join("\n")));
    const report = emailReport(emlWith("see the file"));
    const jobs = Array.from({ length: 7 }, () => extractTargets(report, raw));
    const settled = await Promise.allSettled(jobs);
    const refused = settled.filter((s) => s.status === "rejected");
    // One running and four waiting are taken; the rest are refused at once.
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(5);
    expect(refused).toHaveLength(2);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "unavailable" } satisfies Partial<ApiError>);
  });
});
