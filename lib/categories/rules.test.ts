import { describe } from "vitest";
import { validReports } from "@/lib/validation/fixtures";
import { CATEGORIES } from "@/lib/validation/options";
import { schemaByCategory } from "@/lib/validation/report";
import { DECLARATIONS } from "./index";
import { itChecksEveryRule } from "./testing/rule-checks";

/**
 * Every rule between fields of every category, in every combination of the answers it
 * reads. Which questions the form shows is checked in a browser against the API's field
 * list (e2e/conditional-rules.spec.ts).
 */
describe.each(CATEGORIES)("%s: rules between fields", (category) => {
  itChecksEveryRule(DECLARATIONS[category], schemaByCategory[category], validReports[category]());
});
