import { expect, it } from "vitest";
import type { z } from "zod";
import { fieldErrorsOf, issueKeyMap } from "@/lib/validation/issue-keys";
import { withoutUnasked } from "@/lib/validation/form-values";
import { requiredMessage, type CategoryDeclaration } from "../declaration";
import { listedField, ruleCases, sampleAnswer } from "./walk";

/**
 * The tests of every rule between fields of one declaration, in every combination of the
 * answers it reads: the schema, the form's conversion (and the store, which shares it) and
 * the API's field list must agree with the declaration. Call inside a `describe`.
 */
export function itChecksEveryRule(declaration: CategoryDeclaration, schema: z.ZodType, base: Record<string, unknown>) {
  const errorsAt = (report: Record<string, unknown>, path: string) => {
    const result = schema.safeParse(report, { error: issueKeyMap });
    return result.success ? undefined : fieldErrorsOf(result.error)[path];
  };
  const cases = ruleCases(declaration, base);

  it("has rules to walk", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it("the schema asks for a field exactly when its rule requires it", () => {
    for (const c of cases) {
      const expected = c.required ? [requiredMessage(c.field)] : undefined;
      expect(errorsAt(c.answers, c.field.name), `${c.field.name} left out, with ${JSON.stringify(c.answers)}`).toEqual(expected);
    }
  });

  it("the schema takes an answer unless its rule says to leave it out", () => {
    for (const c of cases) {
      const given = { ...c.answers, [c.field.name]: sampleAnswer(c.field) };
      const expected = c.forbidden ? [c.field.messages?.forbidden] : undefined;
      expect(errorsAt(given, c.field.name), `${c.field.name} given, with ${JSON.stringify(c.answers)}`).toEqual(expected);
    }
  });

  it("the form and the store drop an answer to a question that is not asked, and keep the others", () => {
    for (const c of cases) {
      const given = { ...c.answers, [c.field.name]: sampleAnswer(c.field) };
      const dropped = c.field.askedWhen !== undefined && !c.asked && !c.forbidden;
      expect(c.field.name in withoutUnasked(declaration.fields, given), `${c.field.name}, with ${JSON.stringify(c.answers)}`).toBe(!dropped);
    }
  });

  it("a required question is always asked", () => {
    for (const c of cases) if (c.required) expect(c.asked, c.field.name).toBe(true);
  });

  it("the API's field list states each rule, as words and as the declaration's own data", () => {
    for (const field of new Set(cases.map((c) => c.field))) {
      const listed = listedField(declaration, field.name);
      expect(listed?.requirement, field.name).toBe(field.required === true ? "required" : field.required || field.forbiddenWhen ? "conditional" : "optional");
      expect(listed?.rules?.requiredWhen, field.name).toEqual(field.required === true ? undefined : field.required);
      expect(listed?.rules?.askedWhen, field.name).toEqual(field.askedWhen);
      expect(listed?.rules?.forbiddenWhen, field.name).toEqual(field.forbiddenWhen);
      expect(listed?.when, field.name).toBeTruthy();
    }
  });
}
