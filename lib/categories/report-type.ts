import type { EvidenceType } from "@/lib/validation/options";
import type { CategoryDeclaration, FieldDeclaration } from "./declaration";

/** The TypeScript type of a valid report, derived from its category's declaration. */

export type FileMeta = { name: string; size: number; type: EvidenceType };

type ValueOf<F> = F extends { type: "object"; fields: infer C extends readonly FieldDeclaration[] }
  ? ObjectOf<C>
  : F extends { type: "array"; item: infer I }
    ? ValueOf<I>[]
    : F extends { type: "enum"; values: readonly (infer V)[] }
      ? V
      : F extends { type: "boolean" }
        ? boolean
        : F extends { type: "integer" }
          ? number
          : F extends { type: "file" }
            ? FileMeta
            : F extends { type: "files" }
              ? FileMeta[]
              : F extends { type: "file-or-text" }
                ? string | FileMeta
                : string;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

type ObjectOf<C extends readonly FieldDeclaration[]> = Flatten<
  { [F in C[number] as F extends { required: true } ? F["name"] : never]: ValueOf<F> } & {
    [F in C[number] as F extends { required: true } ? never : F["name"]]?: ValueOf<F>;
  }
>;

/** A valid report of the declared category, as the schema returns it. */
export type ReportOf<D extends CategoryDeclaration> = Flatten<{ category: D["slug"] } & ObjectOf<D["fields"]>>;
