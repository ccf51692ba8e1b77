import { fieldErrorsOf, issueKeyMap, type FieldErrors } from "@/lib/validation/issue-keys";
import { valuesToReport, type FormValues } from "@/lib/validation/form-values";
import type { Category } from "@/lib/validation/options";
import { reportSchema } from "@/lib/validation/report";
import { totalsProblem, withFileFields, type FileSlots } from "./files";

/**
 * The browser's check of a form, with the server's schema. Loaded on the first check, not
 * with the page: zod, the phone-number rules and every category's declaration stay out of
 * the form's first load.
 */
export function checkReport(values: FormValues, category: Category, files: FileSlots, locale: string): FieldErrors {
  const report = withFileFields(valuesToReport(values, category), files);
  report.locale = locale;
  const parsed = reportSchema.safeParse(report, { error: issueKeyMap });
  const flat = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const totals = totalsProblem(files);
  if (totals) flat.evidence = [totals];
  return flat;
}
