"use client";

import dynamic from "next/dynamic";
import type { ComponentType } from "react";
import type { Category } from "@/lib/validation/options";
import type { FilesProps } from "./files";

/**
 * Categories with a form laid out by hand, each in its own chunk: a page loads only its
 * own category's layout and declaration. Any other category gets the form its
 * declaration yields (DeclaredFields).
 */
const LAYOUTS: Partial<Record<Category, ComponentType<FilesProps>>> = {
  "harmful-info": dynamic(() => import("./harmful-info-fields").then((m) => m.HarmfulInfoFields)),
  crime: dynamic(() => import("./crime-fields").then((m) => m.CrimeFields)),
  spam: dynamic(() => import("./spam-fields").then((m) => m.SpamFields)),
  copyright: dynamic(() => import("./copyright-fields").then((m) => m.CopyrightFields)),
};

const Declared = dynamic(() =>
  Promise.all([import("./declared-fields"), import("@/lib/categories")]).then(([{ DeclaredFields }, { DECLARATIONS }]) =>
    function CategoryForm({ category, ...files }: { category: Category } & FilesProps) {
      return <DeclaredFields declaration={DECLARATIONS[category]} {...files} />;
    },
  ),
);

export function CategoryFields({ category, ...files }: { category: Category } & FilesProps) {
  const Layout = LAYOUTS[category];
  return Layout ? <Layout {...files} /> : <Declared category={category} {...files} />;
}
