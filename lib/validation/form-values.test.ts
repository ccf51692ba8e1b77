import { describe, expect, it } from "vitest";
import { formDataToValues, valuesToReport } from "./form-values";
import { reportSchema } from "./report";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

describe("web form values", () => {
  it("nest dotted names and turn strings into the schema's types", () => {
    const values = formDataToValues(
      form({
        category: "crime",
        tz: "+08:00",
        subtype: "romance",
        description: "We met on a dating app and he asked for money for a visa.",
        filingFor: "self",
        "victim.name": "",
        incidentStart: "2026-11-01T20:15",
        "location.country": "CN",
        moneyLost: "true",
        "amountLost.value": "800",
        "amountLost.currency": "CNY",
        "transactions.0.date": "2026-11-02",
        "transactions.0.amount": "800",
        "transactions.0.currency": "CNY",
        "transactions.0.method": "e-wallet",
        "transactions.1.date": "",
        "transactions.1.amount": "",
        "suspects.0.kind": "",
        "suspects.0.value": "",
        ongoingDanger: "false",
        goodFaith: "on",
      }),
    );
    const report = valuesToReport(values, "crime");
    expect(report).toMatchObject({
      incidentStart: "2026-11-01T20:15:00+08:00",
      moneyLost: true,
      ongoingDanger: false,
      goodFaith: true,
      transactions: [{ date: "2026-11-02", amount: "800", currency: "CNY", method: "e-wallet" }],
    });
    expect(report).not.toHaveProperty("suspects");
    expect(report).not.toHaveProperty("victim");
    expect(reportSchema.safeParse(report).success).toBe(true);
  });

  it("drop answers that do not apply: payments when no money was lost, call details for an sms", () => {
    const crime = valuesToReport({ moneyLost: "false", "amountLost": { value: "5", currency: "CNY" } } as never, "crime");
    expect(crime).not.toHaveProperty("amountLost");
    const spam = valuesToReport({ channel: "sms", callDetails: { durationSec: "30" } } as never, "spam");
    expect(spam).not.toHaveProperty("callDetails");
    const call = valuesToReport({ channel: "call", callDetails: { durationSec: "30" } } as never, "spam");
    expect(call.callDetails).toEqual({ durationSec: 30 });
  });

  it("keep repeated URL rows in order and skip empty ones", () => {
    const values = formDataToValues(form({ "urls.1": "https://b.example", "urls.0": "https://a.example", "urls.2": " " }));
    expect(valuesToReport(values, "harmful-info").urls).toEqual(["https://a.example", "https://b.example"]);
  });

  it("read react-hook-form's arrays the same way as FormData's numbered names", () => {
    const report = valuesToReport({ urls: ["https://a.example", ""], tz: "-05:00", firstSeenAt: "2026-11-01T08:00" }, "harmful-info");
    expect(report.urls).toEqual(["https://a.example"]);
    expect(report.firstSeenAt).toBe("2026-11-01T08:00:00-05:00");
  });
});
