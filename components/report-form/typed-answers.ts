import type { FormValues } from "@/lib/validation/form-values";

/** Names that are not answers, and names that could reach an object's prototype. */
const SKIP = new Set(["category", "tz", "submissionKey", "locale", "js", "altcha"]);
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The answers already in a server-rendered form, read before react-hook-form takes it
 * over: on a slow phone a person answers before JavaScript runs, and the form must start
 * from what they chose ("No" included), not from empty. Files are left to their inputs.
 */
export function typedAnswers(form: HTMLFormElement | null, category: string): FormValues | undefined {
  // Only this category's form: never another form's answers still on the page.
  if (!form || (form.elements.namedItem("category") as HTMLInputElement | null)?.value !== category) return undefined;
  const root: Record<string, unknown> = {};
  let any = false;
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value !== "string" || value === "" || SKIP.has(name) || name.startsWith("$ACTION")) continue;
    const parts = name.split(".");
    if (parts.some((part) => FORBIDDEN.has(part))) continue;
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = Object.hasOwn(node, part) ? node[part] : undefined;
      node = (typeof next === "object" && next !== null ? next : (node[part] = {})) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]] = value;
    any = true;
  }
  return any ? (root as FormValues) : undefined;
}
