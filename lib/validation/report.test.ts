import { describe, expect, it } from "vitest";
import { validCopyright, validCrime, validHarmfulInfo, validReports, validSpam } from "./fixtures";
import { fieldErrorsOf, issueKeyMap } from "./issue-keys";
import { CATEGORIES, reportSchema } from "./report";

type Input = Record<string, unknown>;

function errors(input: unknown) {
  const result = reportSchema.safeParse(input, { error: issueKeyMap });
  return result.success ? {} : fieldErrorsOf(result.error);
}

const png = { name: "shot.png", size: 2048, type: "image/png" };
const pdf = { name: "doc.pdf", size: 2048, type: "application/pdf" };
const eml = { name: "msg.eml", size: 900, type: "message/rfc822" };
const future = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();

/** Applies a change to a fresh valid report; `undefined` deletes the field. */
function broken(make: () => Input, change: Input): Input {
  const report = make();
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) delete report[key];
    else report[key] = value;
  }
  return report;
}

describe("every category", () => {
  it.each(CATEGORIES)("accepts the valid %s fixture", (category) => {
    expect(errors(validReports[category]())).toEqual({});
  });

  it.each(CATEGORIES)("%s: requires description, 10–5000 characters", (category) => {
    const make = validReports[category];
    expect(errors(broken(make, { description: undefined }))).toHaveProperty("description", ["required"]);
    expect(errors(broken(make, { description: "too short" }))).toHaveProperty("description", ["too_short:10"]);
    expect(errors(broken(make, { description: "x".repeat(5001) }))).toHaveProperty("description", ["too_long:5000"]);
  });

  it.each(CATEGORIES)("%s: goodFaith must be true", (category) => {
    expect(errors(broken(validReports[category], { goodFaith: false }))).toHaveProperty("goodFaith", ["must_accept"]);
    expect(errors(broken(validReports[category], { goodFaith: undefined }))).toHaveProperty("goodFaith");
  });

  it.each(CATEGORIES)("%s: rejects more than 5 files and an unknown locale", (category) => {
    const e = errors(broken(validReports[category], { evidence: Array(6).fill(pdf), locale: "fr" }));
    expect(e).toHaveProperty("evidence", ["too_many_files:5"]);
    expect(e).toHaveProperty("locale", ["choose_one"]);
  });

  it("rejects an unknown category and a missing one", () => {
    expect(errors({ ...validSpam(), category: "weather" })).toHaveProperty("category", ["unknown_category"]);
    expect(errors({ description: "something happened here" })).toHaveProperty("category");
  });

  it("treats empty form inputs as absent", () => {
    const report = { ...validSpam(), subtype: "", contact: { name: "", email: "", phone: "" } };
    expect(errors(report)).toEqual({});
  });

  it("checks contact details when given", () => {
    const e = errors({ ...validSpam(), contact: { email: "not-an-email", phone: "12" } });
    expect(e).toHaveProperty(["contact.email"], ["invalid_email"]);
    expect(e).toHaveProperty(["contact.phone"], ["invalid_phone"]);
  });
});

describe("harmful-info", () => {
  it("needs urls or a locator", () => {
    expect(errors(broken(validHarmfulInfo, { urls: undefined }))).toHaveProperty("urls", ["urls_or_locator"]);
    expect(errors(broken(validHarmfulInfo, { urls: [], locator: "WeChat group 'Lucky 888', post of 3 Nov" }))).toHaveProperty(
      "evidence",
      ["screenshot_required"],
    );
    expect(errors(broken(validHarmfulInfo, { urls: undefined, locator: "App X, user @lucky888", evidence: [png] }))).toEqual({});
  });

  it("takes an address typed without https://, and stores it with it", () => {
    for (const typed of ["example.com/post/1", "www.example.com", "//example.com/a", "例子.中国/帖子", "example.com:8080/x"]) {
      const parsed = reportSchema.safeParse(broken(validHarmfulInfo, { urls: [typed] }));
      expect(parsed.success, typed).toBe(true);
      expect((parsed.data as { urls: string[] }).urls[0], typed).toMatch(/^https:\/\/(?!\/)/);
    }
    for (const refused of ["javascript:alert(1)", "ftp://example.com/x", "not a url", "localhost"]) {
      expect(errors(broken(validHarmfulInfo, { urls: [refused] })), refused).toHaveProperty(["urls.0"], ["invalid_url"]);
    }
  });

  it("accepts only http(s) URLs, at most 10", () => {
    expect(errors(broken(validHarmfulInfo, { urls: ["javascript:alert(1)"] }))).toHaveProperty(["urls.0"], ["invalid_url"]);
    expect(errors(broken(validHarmfulInfo, { urls: Array(11).fill("https://a.example") }))).toHaveProperty("urls", ["too_many:10"]);
  });

  it("requires a known subtype and platform", () => {
    expect(errors(broken(validHarmfulInfo, { subtype: "spam" }))).toHaveProperty("subtype", ["choose_one"]);
    expect(errors(broken(validHarmfulInfo, { platform: undefined }))).toHaveProperty("platform", ["choose_required"]);
  });

  it("rejects a first-seen time in the future", () => {
    expect(errors(broken(validHarmfulInfo, { firstSeenAt: future() }))).toHaveProperty("firstSeenAt", ["in_future"]);
  });

  it("child-abuse takes no contact details and no files, but needs no screenshot", () => {
    const base = { subtype: "child-abuse", urls: undefined, locator: "Forum X, thread 12345" };
    expect(errors(broken(validHarmfulInfo, base))).toEqual({});
    expect(errors(broken(validHarmfulInfo, { ...base, contact: { email: "a@b.example" } }))).toHaveProperty("contact", [
      "child_abuse_no_contact",
    ]);
    expect(errors(broken(validHarmfulInfo, { ...base, evidence: [png] }))).toHaveProperty("evidence", ["child_abuse_no_files"]);
  });
});

describe("crime", () => {
  it("asks for the victim when filing for a third party", () => {
    expect(errors(broken(validCrime, { filingFor: "third-party" }))).toHaveProperty("victim", ["victim_required"]);
    expect(errors(broken(validCrime, { filingFor: "third-party", victim: { name: "Zhang Wei" } }))).toEqual({});
  });

  it("requires the amount and the transactions only when money was lost", () => {
    expect(errors(broken(validCrime, { amountLost: undefined }))).toHaveProperty("amountLost", ["amount_required"]);
    expect(errors(broken(validCrime, { transactions: [] }))).toHaveProperty("transactions", ["transactions_required"]);
    expect(errors(broken(validCrime, { moneyLost: false, amountLost: undefined, transactions: undefined }))).toEqual({});
  });

  it("checks amounts, currencies, payment methods and the count of transactions", () => {
    const tx = (validCrime().transactions as Input[])[0];
    expect(errors(broken(validCrime, { amountLost: { value: "0", currency: "CNY" } }))).toHaveProperty(["amountLost.value"], ["invalid_amount"]);
    expect(errors(broken(validCrime, { amountLost: { value: "12", currency: "XYZ" } }))).toHaveProperty(["amountLost.currency"], ["invalid_currency"]);
    expect(errors(broken(validCrime, { transactions: [{ ...tx, method: "cheque" }] }))).toHaveProperty(["transactions.0.method"], ["choose_one"]);
    expect(errors(broken(validCrime, { transactions: Array(21).fill(tx) }))).toHaveProperty("transactions", ["too_many:20"]);
  });

  it("requires the incident start, in the past, with the end after it", () => {
    expect(errors(broken(validCrime, { incidentStart: undefined }))).toHaveProperty("incidentStart", ["required"]);
    expect(errors(broken(validCrime, { incidentStart: future() }))).toHaveProperty("incidentStart", ["in_future"]);
    expect(errors(broken(validCrime, { incidentStart: "yesterday" }))).toHaveProperty("incidentStart", ["invalid_datetime"]);
    const start = validCrime().incidentStart as string;
    const before = new Date(Date.parse(start) - 3600_000).toISOString();
    expect(errors(broken(validCrime, { incidentEnd: before }))).toHaveProperty("incidentEnd", ["end_before_start"]);
  });

  it("requires a real country code, ongoingDanger and moneyLost", () => {
    expect(errors(broken(validCrime, { location: { country: "XX" } }))).toHaveProperty(["location.country"], ["invalid_country"]);
    expect(errors(broken(validCrime, { ongoingDanger: undefined }))).toHaveProperty("ongoingDanger", ["choose_required"]);
    expect(errors(broken(validCrime, { moneyLost: "yes" }))).toHaveProperty("moneyLost", ["invalid_type"]);
  });

  it("checks suspect kinds", () => {
    expect(errors(broken(validCrime, { suspects: [{ kind: "car", value: "x" }] }))).toHaveProperty(["suspects.0.kind"], ["choose_one"]);
  });
});

describe("spam", () => {
  it("needs the recipient for sms and call only", () => {
    expect(errors(broken(validSpam, { recipient: undefined }))).toHaveProperty("recipient", ["recipient_required"]);
    expect(errors(broken(validSpam, { channel: "call", content: undefined, recipient: undefined }))).toHaveProperty("recipient", [
      "recipient_required",
    ]);
    expect(errors(broken(validSpam, { channel: "fax", recipient: undefined, content: undefined }))).toEqual({});
  });

  it("needs the content for sms, im and app-push", () => {
    for (const channel of ["sms", "im", "app-push"]) {
      expect(errors(broken(validSpam, { channel, content: undefined }))).toHaveProperty("content", ["content_required"]);
    }
  });

  it("needs the original email for the email channel, as text or as an .eml file", () => {
    const email = { channel: "email", recipient: undefined, content: undefined, sender: "alerts@bank.example" };
    expect(errors(broken(validSpam, email))).toHaveProperty("rawEmail", ["raw_email_required"]);
    expect(errors(broken(validSpam, { ...email, rawEmail: "From: a@b.example\r\n\r\nhi" }))).toEqual({});
    expect(errors(broken(validSpam, { ...email, evidence: [eml] }))).toEqual({});
    expect(errors(broken(validSpam, { ...email, evidence: [png] }))).toHaveProperty("rawEmail");
  });

  it("requires sender, receivedAt and a known channel", () => {
    expect(errors(broken(validSpam, { sender: "  " }))).toHaveProperty("sender", ["required"]);
    expect(errors(broken(validSpam, { receivedAt: future() }))).toHaveProperty("receivedAt", ["in_future"]);
    expect(errors(broken(validSpam, { channel: "pigeon" }))).toHaveProperty("channel", ["choose_one"]);
  });
});

describe("copyright", () => {
  it("is never anonymous", () => {
    // Said in one round: not "required" first and "an email or a phone" after.
    expect(errors(broken(validCopyright, { contact: undefined }))).toHaveProperty(["contact.email"], ["contact_required"]);
    expect(errors(broken(validCopyright, { contact: { name: "Wang" } }))).toHaveProperty(["contact.email"], ["contact_required"]);
  });

  it("asks an agent for the authorisation file", () => {
    expect(errors(broken(validCopyright, { submitterRole: "agent" }))).toHaveProperty("agentAuthorization", ["authorization_required"]);
    expect(errors(broken(validCopyright, { submitterRole: "agent", agentAuthorization: pdf }))).toEqual({});
  });

  it("takes an ownership proof as a file or as 20+ characters of text", () => {
    expect(errors(broken(validCopyright, { ownershipProof: "reg 123" }))).toHaveProperty("ownershipProof");
    expect(errors(broken(validCopyright, { ownershipProof: pdf }))).toEqual({});
    expect(errors(broken(validCopyright, { ownershipProof: undefined }))).toHaveProperty("ownershipProof");
  });

  it("needs 1–50 infringing URLs, the rightholder in full, the statement and a signature", () => {
    expect(errors(broken(validCopyright, { infringingUrls: [] }))).toHaveProperty("infringingUrls", ["too_few:1"]);
    expect(errors(broken(validCopyright, { infringingUrls: Array(51).fill("https://x.example") }))).toHaveProperty("infringingUrls", [
      "too_many:50",
    ]);
    const rightholder = { ...(validCopyright().rightholder as Input), address: undefined };
    expect(errors(broken(validCopyright, { rightholder }))).toHaveProperty(["rightholder.address"], ["required"]);
    expect(errors(broken(validCopyright, { accuracyStatement: false }))).toHaveProperty("accuracyStatement", ["must_accept"]);
    expect(errors(broken(validCopyright, { signature: "" }))).toHaveProperty("signature", ["required"]);
    expect(errors(broken(validCopyright, { requestedAction: "fine" }))).toHaveProperty("requestedAction", ["choose_one"]);
  });
});

describe("conditional rules", () => {
  it("are reported together with the missing required answers, not one round later", () => {
    const e = errors({ category: "harmful-info" });
    expect(Object.keys(e)).toEqual(expect.arrayContaining(["subtype", "platform", "description", "goodFaith", "urls"]));
    expect(errors({ category: "crime", moneyLost: true })).toHaveProperty("transactions", ["transactions_required"]);
    expect(errors({ category: "spam", channel: "sms" })).toHaveProperty("content", ["content_required"]);
  });

  it("cope with values of the wrong type without throwing", () => {
    for (const category of CATEGORIES) {
      const garbage = { category, urls: "x", evidence: "y", contact: 5, transactions: "no", moneyLost: "yes", incidentEnd: 7, channel: 3 };
      expect(() => reportSchema.safeParse(garbage, { error: issueKeyMap })).not.toThrow();
    }
  });
});
