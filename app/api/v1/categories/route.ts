import { getCategoryCatalogue } from "@/lib/categories/catalogue";

export const dynamic = "force-static";

/** The four categories with their subtypes and fields, in zh-CN and en. */
export function GET(): Response {
  return Response.json(getCategoryCatalogue(), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
