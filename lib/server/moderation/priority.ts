import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The queue's priority order: severity, then the hour the review is due, then how many
 * reports share the target, then the id for a stable order. The queue's index on open
 * reports has exactly these columns (schema.prisma), so every reader of "the most urgent
 * report" (the queue, "Next report", the link after a decision) walks it in this order.
 */
export const PRIORITY_ORDER: Prisma.ReportOrderByWithRelationInput[] = [{ severity: "desc" }, { dueHour: "asc" }, { targetCount: "desc" }, { id: "asc" }];
