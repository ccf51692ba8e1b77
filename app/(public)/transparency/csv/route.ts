import { csvLine } from "@/lib/server/admin/exports";
import { getTransparency, TRANSPARENCY_COLUMNS } from "@/lib/server/admin/transparency";
import { CATEGORIES } from "@/lib/validation/options";

export const dynamic = "force-dynamic";

/** `GET /transparency/csv`: the public transparency figures, with the same suppression as the page. */
export async function GET(): Promise<Response> {
  const report = await getTransparency();
  let body = "\uFEFF" + csvLine(TRANSPARENCY_COLUMNS);
  for (const category of CATEGORIES) {
    for (const row of report.categories[category]) {
      const month = `${String(row.month).slice(0, 4)}-${String(row.month).slice(4)}`;
      body += csvLine([category, month, row.received, row.actioned, row.forwarded, row.rejected, row.medianDays]);
    }
  }
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="transparency.csv"',
      "cache-control": "public, max-age=600",
    },
  });
}
