import { describe, expect, it } from "vitest";
import { SAMPLE_EML, validCopyright, validCrime, validHarmfulInfo, validSpam } from "@/lib/validation/fixtures";
import { reportSchema, type Report } from "@/lib/validation/report";
import { readEmail } from "./email-message";
import { MAX_TARGETS, targetsOf } from "./extract";
import { SCAN_BUDGET_CHARS } from "./scan";

const parse = (input: unknown): Report => reportSchema.parse(input);

describe("readEmail", () => {
  it("extracts the sender, date, links and numbers of an .eml", async () => {
    const message = await readEmail(new TextEncoder().encode(SAMPLE_EML));
    expect(message.facts).toEqual({
      from: "alerts@secure-bank.example.com",
      fromName: "Bank Security",
      replyTo: ["verify@phish.example.net"],
      date: "2026-11-24T01:15:00.000Z",
      subject: "Your account is locked",
    });
    const report = parse({ ...validSpam(), channel: "email", recipient: undefined, content: undefined, rawEmail: SAMPLE_EML });
    expect(targetsOf(report, message).targets).toContainEqual({ kind: "url", value: "https://secure-bank.example.com.login.example.net/verify?id=9" });
    expect(targetsOf(report, message).targets).toContainEqual({ kind: "phone", value: "+12025550143" });
  });

  it("reads links hidden behind the text of an HTML email, and encoded headers", async () => {
    const eml = [
      "From: =?UTF-8?B?5a6i5pyN?= <Service@Shop.Example>",
      "Subject: =?UTF-8?B?6YCA5qy+?=",
      "Date: Wed, 25 Nov 2026 10:00:00 +0000",
      "MIME-Version: 1.0",
      'Content-Type: multipart/alternative; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/html; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      '<p>Click <a href=3D"https://refund.example.com/claim?fbclid=9">here</a></p>',
      "--b1--",
      "",
    ].join("\r\n");
    const message = await readEmail(eml);
    expect(message.facts.from).toBe("service@shop.example");
    expect(message.facts.fromName).toBe("客服");
    expect(message.facts.subject).toBe("退款");
    const report = parse({ ...validSpam(), channel: "email", recipient: undefined, content: undefined, rawEmail: eml });
    expect(targetsOf(report, message).targets.filter((t) => t.kind === "url")).toEqual([{ kind: "url", value: "https://refund.example.com/claim" }]);
  });
});

describe("targetsOf", () => {
  it("harmful-info: canonical URLs", () => {
    expect(targetsOf(parse(validHarmfulInfo())).targets).toEqual([{ kind: "url", value: "https://casino.example.com/play" }]);
  });

  it("crime: suspects and recipient accounts, but not names", () => {
    const report = validCrime();
    report.suspects = [...(report.suspects as object[]), { kind: "name", value: "Li Ming" }, { kind: "social", value: "@Lucky_888" }];
    expect(targetsOf(parse(report)).targets).toEqual([
      { kind: "phone", value: "+8613800138000" },
      { kind: "url", value: "https://invest.example.net/app" },
      { kind: "account", value: "lucky_888" },
      { kind: "account", value: "6222000011112222" },
    ]);
  });

  it("spam: the sender and what the message contains, never the recipient", () => {
    expect(targetsOf(parse(validSpam())).targets).toEqual([
      { kind: "phone", value: "+8613900001111" },
      { kind: "url", value: "http://parcel-fee.example.org/pay" },
      { kind: "phone", value: "+864001234567" },
    ]);
  });

  it("spam by email: sender, reply-to, links and numbers from the message", async () => {
    const report = parse({ ...validSpam(), channel: "email", sender: "Alerts@Secure-Bank.example.com", recipient: undefined, content: undefined, rawEmail: SAMPLE_EML });
    const message = await readEmail(SAMPLE_EML);
    expect(targetsOf(report, message).targets).toEqual([
      { kind: "email", value: "alerts@secure-bank.example.com" },
      { kind: "email", value: "verify@phish.example.net" },
      { kind: "url", value: "https://secure-bank.example.com.login.example.net/verify?id=9" },
      { kind: "phone", value: "+12025550143" },
    ]);
  });

  it("copyright: the infringing URLs", () => {
    expect(targetsOf(parse(validCopyright())).targets).toEqual([{ kind: "url", value: "https://pirate.example.com/watch/long-river-01" }]);
  });
});

describe("targetsOf, capped", () => {
  const emailReport = (rawEmail: string) =>
    parse({ ...validSpam(), channel: "email", sender: "a@spam.example.com", recipient: undefined, content: undefined, rawEmail });
  const emlWith = (body: string) =>
    ["From: a@spam.example.com", "Subject: offer", "Date: Wed, 25 Nov 2026 10:00:00 +0000", "", body, ""].join("\r\n");

  it(`keeps the first ${MAX_TARGETS} distinct targets and counts the others once each`, async () => {
    const links = Array.from({ length: 20_000 }, (_, i) => `http://spam${i % 5_000}.example.com/p`);
    const raw = emlWith(links.join("\n"));
    const found = targetsOf(emailReport(raw), await readEmail(raw));
    expect(found.targets).toHaveLength(MAX_TARGETS);
    expect(found.targets[0]).toEqual({ kind: "email", value: "a@spam.example.com" });
    expect(found.targets[1]).toEqual({ kind: "url", value: "http://spam0.example.com/p" });
    // The sender, then 5,000 distinct links, each repeated four times.
    expect(found.omitted).toBe(1 + 5_000 - MAX_TARGETS);
    expect(found.truncated).toBe(false);
  });

  it("counts nothing beyond the cap when there is nothing beyond it", () => {
    const found = targetsOf(parse(validSpam()));
    expect(found.omitted).toBe(0);
    expect(found.truncated).toBe(false);
  });

  it(`searches only the first ${SCAN_BUDGET_CHARS.toLocaleString("en")} characters of a message, and says so`, async () => {
    const line = "filler text without any target in it at all\n";
    const padding = line.repeat(Math.ceil(SCAN_BUDGET_CHARS / line.length));
    // Longer than a pasted email may be: what a .eml upload of up to 10 MB can hold.
    const raw = emlWith(`http://first.example.com/\n${padding}http://hidden.example.com/\n`);
    const found = targetsOf(emailReport(emlWith("see the attached file")), await readEmail(raw));
    expect(found.targets.map((t) => t.value)).toEqual(["a@spam.example.com", "http://first.example.com/"]);
    expect(found.omitted).toBe(0);
    expect(found.truncated).toBe(true);
  });
});
