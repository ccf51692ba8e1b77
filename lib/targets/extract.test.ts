import { describe, expect, it } from "vitest";
import { SAMPLE_EML, validCopyright, validCrime, validHarmfulInfo, validSpam } from "@/lib/validation/fixtures";
import { reportSchema, type Report } from "@/lib/validation/report";
import { readEmail } from "./email-message";
import { targetsOf } from "./extract";

const parse = (input: unknown): Report => reportSchema.parse(input);

describe("readEmail", () => {
  it("extracts the sender, date, links and numbers of an .eml", async () => {
    const facts = await readEmail(new TextEncoder().encode(SAMPLE_EML));
    expect(facts.from).toBe("alerts@secure-bank.example.com");
    expect(facts.replyTo).toEqual(["verify@phish.example.net"]);
    expect(facts.date).toBe("2026-11-24T01:15:00.000Z");
    expect(facts.subject).toBe("Your account is locked");
    expect(facts.urls).toEqual(["https://secure-bank.example.com.login.example.net/verify?id=9"]);
    expect(facts.phones).toEqual(["+12025550143"]);
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
    const facts = await readEmail(eml);
    expect(facts.from).toBe("service@shop.example");
    expect(facts.fromName).toBe("客服");
    expect(facts.subject).toBe("退款");
    expect(facts.urls).toEqual(["https://refund.example.com/claim"]);
  });
});

describe("targetsOf", () => {
  it("harmful-info: canonical URLs", () => {
    expect(targetsOf(parse(validHarmfulInfo()))).toEqual([{ kind: "url", value: "https://casino.example.com/play" }]);
  });

  it("crime: suspects and recipient accounts, but not names", () => {
    const report = validCrime();
    report.suspects = [...(report.suspects as object[]), { kind: "name", value: "Li Ming" }, { kind: "social", value: "@Lucky_888" }];
    expect(targetsOf(parse(report))).toEqual([
      { kind: "phone", value: "+8613800138000" },
      { kind: "url", value: "https://invest.example.net/app" },
      { kind: "account", value: "lucky_888" },
      { kind: "account", value: "6222000011112222" },
    ]);
  });

  it("spam: the sender and what the message contains, never the recipient", () => {
    expect(targetsOf(parse(validSpam()))).toEqual([
      { kind: "phone", value: "+8613900001111" },
      { kind: "url", value: "http://parcel-fee.example.org/pay" },
      { kind: "phone", value: "+864001234567" },
    ]);
  });

  it("spam by email: sender, reply-to, links and numbers from the message", async () => {
    const report = parse({ ...validSpam(), channel: "email", sender: "Alerts@Secure-Bank.example.com", recipient: undefined, content: undefined, rawEmail: SAMPLE_EML });
    const facts = await readEmail(SAMPLE_EML);
    expect(targetsOf(report, facts)).toEqual([
      { kind: "email", value: "alerts@secure-bank.example.com" },
      { kind: "email", value: "verify@phish.example.net" },
      { kind: "url", value: "https://secure-bank.example.com.login.example.net/verify?id=9" },
      { kind: "phone", value: "+12025550143" },
    ]);
  });

  it("copyright: the infringing URLs", () => {
    expect(targetsOf(parse(validCopyright()))).toEqual([{ kind: "url", value: "https://pirate.example.com/watch/long-river-01" }]);
  });
});
