"use client";

import { useWatch } from "react-hook-form";
import { alternatives, conditionFields, fieldOf, isAsked, isRequired, valueNamesFor, type CategoryDeclaration, type FieldDeclaration } from "@/lib/categories/declaration";
import { useOptions } from "./shared-fields";
import { useHydrated } from "./use-hydrated";

/**
 * The category's rules, read from its declaration with the answers given so far. Until
 * JavaScript runs (and without it) every question is on the page, so that a form posted
 * without JavaScript can answer any of them; the server keeps the answers that apply.
 */
export function useRules(declaration: CategoryDeclaration) {
  const hydrated = useHydrated();
  // Only the answers that rules depend on are watched, so typing elsewhere re-renders nothing.
  const names = conditionFields(declaration).filter((name) => {
    const type = fieldOf(declaration, name)?.type;
    return type !== "array" && type !== "files" && type !== "file";
  });
  // useWatch re-renders this component on each change, a reset (a restored draft) included.
  const watched = useWatch({ name: names }) as unknown[];
  const answers = Object.fromEntries(names.map((name, i) => [name, watched[i]]));
  const field = (name: string): FieldDeclaration => {
    const found = fieldOf(declaration, name);
    if (!found) throw new Error(`${declaration.slug} declares no field ${name}`);
    return found;
  };
  return {
    /** Whether the question is on the page: always before hydration, then as its rules say. */
    asked: (name: string) => !hydrated || isAsked(field(name), answers),
    /** Whether the question applies to the answers given, whether or not JavaScript runs. */
    applies: (name: string) => isAsked(field(name), answers),
    required: (name: string) => isRequired(field(name), answers),
    /**
     * Whether to mark the question "(optional)": as its rules say once JavaScript runs;
     * before that (and without it) only questions that are never required are.
     */
    optional: (name: string) => {
      // One of a pair ("a web address, or where to find it") is never marked optional.
      if (alternatives(declaration.fields).has(name)) return false;
      return hydrated ? !isRequired(field(name), answers) : field(name).required === undefined;
    },
    max: (name: string) => field(name).max ?? 1,
  };
}

/** The choices of a declared field, labelled from its message namespace. */
export function useChoices(declaration: CategoryDeclaration, path: string) {
  const [top, ...rest] = path.split(".");
  let found = fieldOf(declaration, top);
  for (const part of rest) {
    const children = found?.type === "array" ? found.item?.fields : found?.fields;
    found = children?.find((f) => f.name === part);
  }
  if (!found?.values) throw new Error(`${declaration.slug}.${path} is not a declared choice`);
  return useOptions(valueNamesFor(declaration, found), found.values);
}
