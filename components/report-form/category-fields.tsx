"use client";

import type { Category } from "@/lib/validation/options";
import { CopyrightFields } from "./copyright-fields";
import { CrimeFields } from "./crime-fields";
import type { FilesProps } from "./files";
import { HarmfulInfoFields } from "./harmful-info-fields";
import { SpamFields } from "./spam-fields";

export function CategoryFields({ category, ...files }: { category: Category } & FilesProps) {
  switch (category) {
    case "harmful-info":
      return <HarmfulInfoFields {...files} />;
    case "crime":
      return <CrimeFields {...files} />;
    case "spam":
      return <SpamFields {...files} />;
    case "copyright":
      return <CopyrightFields {...files} />;
  }
}
