import { describe, expect, it } from "vitest";
import { ForbiddenFormNameError, formDataToValues, isFieldPath, valuesToReport } from "./form-values";
import { FIELDS } from "@/lib/categories/fields";
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
      "crime",
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
    const values = formDataToValues(form({ category: "harmful-info", "urls.1": "https://b.example", "urls.0": "https://a.example", "urls.2": " " }), "harmful-info");
    expect(valuesToReport(values, "harmful-info").urls).toEqual(["https://a.example", "https://b.example"]);
  });

  it("read react-hook-form's arrays the same way as FormData's numbered names", () => {
    const report = valuesToReport({ urls: ["https://a.example", ""], tz: "-05:00", firstSeenAt: "2026-11-01T08:00" }, "harmful-info");
    expect(report.urls).toEqual(["https://a.example"]);
    expect(report.firstSeenAt).toBe("2026-11-01T08:00:00-05:00");
  });

  // Issue #11: one anonymous post with these names once took the whole portal down.
  it.each(["__proto__.x", "constructor.prototype.x", "contact.__proto__.polluted", "transactions.0.constructor", "prototype"])(
    "refuse the post when a name reaches for a prototype: %s",
    (name) => {
      expect(() => formDataToValues(form({ category: "spam", [name]: "1" }), "spam")).toThrow(ForbiddenFormNameError);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it("keep only the category's own field paths, with rows below the array's maximum", () => {
    const values = formDataToValues(
      form({
        category: "crime",
        description: "kept",
        "contact.email": "a@example.org",
        "transactions.19.amount": "5",
        "transactions.20.amount": "dropped: past the 20-row maximum",
        "transactions.x.amount": "dropped: not a row number",
        "nosuchfield": "dropped",
        "description.deeper": "dropped: a text has no fields",
        "urls.0": "dropped: urls belong to harmful-info",
      }),
      "crime",
    );
    expect(values).toEqual({
      category: "crime",
      description: "kept",
      contact: { email: "a@example.org" },
      transactions: { "19": { amount: "5" } },
    });
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it("know every path of every category's field tree", () => {
    expect(isFieldPath(FIELDS["harmful-info"], ["urls", "9"])).toBe(true);
    expect(isFieldPath(FIELDS["harmful-info"], ["urls", "10"])).toBe(false);
    expect(isFieldPath(FIELDS["harmful-info"], ["urls", "0", "url"])).toBe(false);
    expect(isFieldPath(FIELDS.crime, ["amountLost", "value"])).toBe(true);
    expect(isFieldPath(FIELDS.crime, ["amountLost"])).toBe(false);
    expect(isFieldPath(FIELDS.spam, ["callDetails", "durationSec"])).toBe(true);
  });
});
