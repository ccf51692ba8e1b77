// Adds a staff message to the report behind a receipt, through the data layer, as the
// moderator tools will. Run with: node --conditions=react-server --import tsx <this> RECEIPT BODY
import { db } from "@/lib/server/db";
import { addStaffMessage } from "@/lib/server/messages";
import { hashReceipt } from "@/lib/server/receipts";

async function main() {
  const [receipt, body] = process.argv.slice(2);
  const report = await db.report.findUniqueOrThrow({ where: { receiptHash: hashReceipt(receipt) } });
  await addStaffMessage({ reportId: report.id, staffId: null, body, askForInfo: true });
  await db.$disconnect();
}

void main();
