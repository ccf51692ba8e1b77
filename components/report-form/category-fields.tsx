"use client";

import type { ComponentType } from "react";
import { DECLARATIONS } from "@/lib/categories";
import type { Category } from "@/lib/validation/options";
import { CopyrightFields } from "./copyright-fields";
import { CrimeFields } from "./crime-fields";
import { DeclaredFields } from "./declared-fields";
import type { FilesProps } from "./files";
import { HarmfulInfoFields } from "./harmful-info-fields";
import { SpamFields } from "./spam-fields";

/** Categories with a form laid out by hand; any other gets the form its declaration yields. */
const LAYOUTS: Partial<Record<Category, ComponentType<FilesProps>>> = {
  "harmful-info": HarmfulInfoFields,
  crime: CrimeFields,
  spam: SpamFields,
  copyright: CopyrightFields,
};

export function CategoryFields({ category, ...files }: { category: Category } & FilesProps) {
  const Layout = LAYOUTS[category];
  return Layout ? <Layout {...files} /> : <DeclaredFields declaration={DECLARATIONS[category]} {...files} />;
}
