import "server-only";
import { db } from "./db";
import { audit } from "./moderation/audit";
import { assertMayOpen } from "./moderation/restricted-access";

/**
 * A message from staff to the reporter, shown on the status page. With `askForInfo` the
 * report moves to needs-info, and the reporter's answer moves it back to review
 * (receipt-lookup.ts, addReporterMessage).
 */
export async function addStaffMessage(input: {
  reportId: string;
  staffId: string | null;
  body: string;
  askForInfo?: boolean;
}) {
  return db.$transaction(async (tx) => {
    if (input.staffId) await assertMayOpen(tx, input.reportId, input.staffId);
    const message = await tx.message.create({
      data: { reportId: input.reportId, author: "staff", staffId: input.staffId, body: input.body },
    });
    await audit(tx, { actorId: input.staffId, action: "message:staff", reportId: input.reportId, after: { messageId: message.id } });
    if (input.askForInfo) {
      await tx.report.update({ where: { id: input.reportId }, data: { status: "needs-info" } });
      await tx.statusEvent.create({
        data: { reportId: input.reportId, status: "needs-info", actorId: input.staffId, at: message.createdAt },
      });
    }
    return message;
  });
}
