import { describe, expect, it } from "vitest";
import { POST as submit } from "@/app/api/v1/reports/route";
import { db } from "@/lib/server/db";
import { validReports } from "@/lib/validation/fixtures";
import { issueKeyMap } from "@/lib/validation/issue-keys";
import { jsonRequest } from "../testing/requests";
import { addNote, decisionSchema } from "./decisions";

/**
 * Staff write text too: a NUL or a broken surrogate in a note or a decision reason would be
 * refused by PostgreSQL with a 500, and a note had no length limit at all.
 */
describe("staff text", () => {
  it("a note with a NUL, a lone surrogate or 5,001 characters is refused with message_invalid, and nothing is written", async () => {
    const user = await db.user.create({ data: { email: "notes@staff.test", name: "N", role: "MODERATOR", passwordHash: "x" } });
    const { id } = (await (await submit(jsonRequest("/api/v1/reports", validReports.spam()))).json()) as { id: string };
    for (const body of ["bad\u0000note", "bad \ud800 note", "x".repeat(5001)]) {
      await expect(addNote(id, body, { id: user.id, role: "MODERATOR" })).rejects.toMatchObject({ code: "message_invalid" });
    }
    expect(await db.internalNote.count({ where: { reportId: id } })).toBe(0);
    await addNote(id, "A fine note.", { id: user.id, role: "MODERATOR" });
    expect(await db.internalNote.count({ where: { reportId: id } })).toBe(1);
  });

  it("a decision reason with text no database stores fails the schema with invalid_text", () => {
    const parsed = decisionSchema.safeParse({ reportId: "r", decision: "actioned", reason: "Removed \u0000 now." }, { error: issueKeyMap });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("invalid_text");
  });
});
