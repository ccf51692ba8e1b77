import { I18nProvider } from "@/lib/i18n/client";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { FormProvider, useForm } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { DeclaredFields } from "@/components/report-form/declared-fields";
import { NO_FILES } from "@/components/report-form/files";
import { messagesFor } from "@/lib/i18n";
import { fieldErrorsOf, issueKeyMap } from "@/lib/validation/issue-keys";
import { valuesToReport } from "@/lib/validation/form-values";
import type { Locale } from "@/lib/validation/options";
import { schemaOf } from "@/lib/validation/schema-of";
import { contact, description, evidence, goodFaith, locale } from "./common";
import type { CategoryDeclaration } from "./declaration";
import { fieldListOf } from "./fields";
import { itChecksEveryRule } from "./testing/rule-checks";
import { sampleReport } from "./testing/walk";

/**
 * A category that is never shipped: web accessibility barriers. It shows what a new
 * category takes, one declaration and its messages in both languages, and that they
 * yield a working schema, field list and form with nothing else written for it.
 */
const barrier = { field: "assistiveTech", is: [true] } as const;
const accessibility = {
  slug: "accessibility",
  fields: [
    { name: "subtype", type: "enum", required: true, values: ["public-service", "shop", "other"], },
    description,
    contact(),
    goodFaith,
    locale,
    { name: "url", type: "url", required: true },
    { name: "assistiveTech", type: "boolean", required: true },
    { name: "tool", type: "string", max: 200, askedWhen: barrier, required: barrier },
    evidence,
  ],
  review: { hours: 240 },
} as const satisfies CategoryDeclaration;

const MESSAGES: Record<Locale, object> = {
  en: {
    subtypes: { accessibility: { "public-service": "A public service", shop: "A shop", other: "Something else" } },
    fields: { url: "Address of the page", assistiveTech: "Do you use assistive technology?", tool: "Which tool?" },
    validation: { tool_required: "Say which tool you use." },
  },
  "zh-CN": {
    subtypes: { accessibility: { "public-service": "公共服务", shop: "网店", other: "其他" } },
    fields: { url: "页面地址", assistiveTech: "您是否使用辅助技术？", tool: "使用哪种工具？" },
    validation: { tool_required: "请说明您使用的工具。" },
  },
};

function merge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    out[k] = v && typeof v === "object" && base[k] && typeof base[k] === "object" ? merge(base[k] as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

function Form({ children }: { children: ReactNode }) {
  return createElement(FormProvider, { ...useForm(), children });
}

/** The form's server render, as a browser without JavaScript gets it. */
function render(l: Locale): string {
  const messages = merge(messagesFor(l) as unknown as Record<string, unknown>, MESSAGES[l] as Record<string, unknown>);
  return renderToStaticMarkup(
    createElement(I18nProvider, {
      locale: l,
      messages: messages as never,
      timeZone: "Asia/Shanghai",
      children: createElement(Form, { children: createElement(DeclaredFields, { declaration: accessibility, files: NO_FILES, setFiles: () => {} }) }),
    }),
  );
}

describe("a category declared in a test, with its messages", () => {
  const schema = schemaOf(accessibility);

  it("yields a schema that takes a valid report and refuses a broken one", () => {
    const report = { ...sampleReport(accessibility), assistiveTech: false };
    expect(schema.safeParse(report).success).toBe(true);
    const result = schema.safeParse({ ...report, url: "javascript:alert(1)", assistiveTech: true }, { error: issueKeyMap });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({ url: ["invalid_url"], tool: ["tool_required"] });
  });

  describe("whose rules agree everywhere", () => {
    itChecksEveryRule(accessibility, schema, { ...sampleReport(accessibility), assistiveTech: false });
  });

  it("yields the API's field list", () => {
    const list = fieldListOf(accessibility);
    expect(list.map((f) => f.name)).toEqual(accessibility.fields.map((f) => f.name));
    expect(list.find((f) => f.name === "tool")).toMatchObject({ requirement: "conditional", when: "assistiveTech is true" });
    expect(list.find((f) => f.name === "subtype")).toMatchObject({ requirement: "required", values: ["public-service", "shop", "other"] });
  });

  it("turns the form's answers into a report the schema takes, dropping answers to questions not asked", () => {
    const values = { subtype: "shop", description: "The checkout button cannot be reached by keyboard.", goodFaith: "on", url: "https://shop.example", assistiveTech: "false", tool: "NVDA" };
    const report = valuesToReport(values, accessibility);
    expect(report).not.toHaveProperty("tool");
    expect(schema.safeParse(report).success).toBe(true);
    expect(valuesToReport({ ...values, assistiveTech: "true" }, accessibility)).toHaveProperty("tool", "NVDA");
  });

  it.each(["en", "zh-CN"] as const)("yields a form with every question, labelled in %s", (l) => {
    const html = render(l);
    for (const id of ["f-subtype", "f-description", "f-url", "f-assistiveTech", "f-tool", "f-evidence", "f-contact"]) {
      expect(html, id).toContain(`id="${id}"`);
    }
    const m = MESSAGES[l] as { fields: Record<string, string>; subtypes: { accessibility: Record<string, string> } };
    for (const text of [...Object.values(m.fields), ...Object.values(m.subtypes.accessibility)]) expect(html).toContain(text);
    expect(html).toContain('name="tool"');
    // Without JavaScript the conditional question is on the page too; the server drops its answer when it does not apply.
    expect(html.indexOf('id="f-tool"')).toBeGreaterThan(html.indexOf('id="f-assistiveTech"'));
  });
});
