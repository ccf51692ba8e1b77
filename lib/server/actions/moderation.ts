"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/validation/action-result";
import { fieldErrorsOf, issueKeyMap } from "@/lib/validation/issue-keys";
import { requireRole } from "../auth/require-staff";
import { claimNext, claimReport, markReplyRead, releaseClaim } from "../moderation/claims";
import { addNote, decide, decisionSchema } from "../moderation/decisions";
import { ModerationError } from "../moderation/errors";
import { NOT_RESTRICTED } from "@/lib/moderation/restricted";
import { bulkDecide, openReportIdsOnTarget, parseTargetParam, type BulkInput, type BulkResult } from "../moderation/targets";

/**
 * Staff actions. Each starts with requireRole, which re-reads the user from the database;
 * Next.js refuses action calls whose Origin is not this site.
 */
const back = (id: string, query: string) => redirect(`/queue/${encodeURIComponent(id)}?${query}`);

/**
 * Runs a step on one report; a refusal returns to the report with its message, anything
 * else propagates as an error.
 */
async function onReport(id: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof ModerationError) back(id, `error=${error.code}`);
    throw error;
  }
}

export async function claimAction(form: FormData): Promise<void> {
  const actor = await requireRole("MODERATOR");
  const id = String(form.get("reportId") ?? "");
  await onReport(id, () => claimReport(id, actor));
  back(id, "done=claimed");
}

export async function releaseAction(form: FormData): Promise<void> {
  const actor = await requireRole("MODERATOR");
  const id = String(form.get("reportId") ?? "");
  await onReport(id, () => releaseClaim(id, actor));
  redirect("/queue");
}

export async function markReplyReadAction(form: FormData): Promise<void> {
  const actor = await requireRole("MODERATOR");
  const id = String(form.get("reportId") ?? "");
  await onReport(id, () => markReplyRead(id, actor));
  back(id, "done=read");
}

export async function nextReportAction(): Promise<void> {
  const actor = await requireRole("MODERATOR");
  let id: string;
  try {
    // Staff without the permission are never handed a restricted report.
    id = await claimNext(actor, actor.restrictedContent ? {} : NOT_RESTRICTED);
  } catch (error) {
    if (error instanceof ModerationError) redirect(`/queue?error=${error.code}`);
    throw error;
  }
  back(id, "done=claimed");
}

export type DecisionState = ActionResult<{ done: true }, Record<string, string>> | null;

export async function decideAction(_previous: DecisionState, form: FormData): Promise<DecisionState> {
  const actor = await requireRole("MODERATOR");
  const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const parsed = decisionSchema.safeParse(
    { ...values, duplicateOfId: values.duplicateOfCase?.trim() || values.duplicateOfId || undefined, agencyId: values.agencyId || undefined, reference: values.reference || undefined },
    { error: issueKeyMap },
  );
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    await decide(parsed.data, actor);
  } catch (error) {
    if (error instanceof ModerationError) return { ok: false, formError: `moderation.errors.${error.code}`, values };
    throw error;
  }
  back(parsed.data.reportId, "done=decided");
  return { ok: true, data: { done: true } };
}

export async function addNoteAction(form: FormData): Promise<void> {
  const actor = await requireRole("MODERATOR");
  const id = String(form.get("reportId") ?? "");
  await onReport(id, () => addNote(id, String(form.get("body") ?? ""), actor));
  back(id, "done=noted");
}

const BULK_DECISIONS = ["actioned", "rejected", "forwarded", "closed", "duplicate"] as const;

/**
 * One decision for the chosen open reports of a target (app/(staff)/queue/targets/[key]):
 * all of them in one transaction, held reports skipped and counted (moderation/targets.ts).
 */
export async function bulkDecideAction(form: FormData): Promise<void> {
  const actor = await requireRole("MODERATOR");
  const target = String(form.get("target") ?? "");
  const page = `/queue/targets/${/^[A-Za-z0-9_-]{1,2000}$/.test(target) ? target : ""}`;
  const decision = String(form.get("decision") ?? "");
  const parsedTarget = parseTargetParam(target);
  // "All open reports on this target": also those beyond the page's list, up to BULK_MAX.
  const reportIds =
    form.get("scope") === "all" && parsedTarget
      ? await openReportIdsOnTarget(parsedTarget, { restricted: actor.restrictedContent })
      : form.getAll("reportId").filter((v): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/.test(v));
  if (!(BULK_DECISIONS as readonly string[]).includes(decision)) redirect(`${page}?error=decision_required`);
  if (reportIds.length === 0) redirect(`${page}?error=none_chosen`);
  let result: BulkResult;
  try {
    result = await bulkDecide(
      {
        reportIds,
        decision: decision as BulkInput["decision"],
        agencyId: String(form.get("agencyId") ?? "") || undefined,
        reference: String(form.get("reference") ?? "").trim().slice(0, 200) || undefined,
        duplicateOfId: String(form.get("duplicateOfCase") ?? "").trim().slice(0, 100) || undefined,
      },
      actor,
    );
  } catch (error) {
    if (error instanceof ModerationError) redirect(`${page}?error=${error.code}`);
    throw error;
  }
  const held = result.skipped.filter((s) => s.why === "held").length;
  redirect(`${page}?done=bulk&decided=${result.decided.length}&skipped=${result.skipped.length}&held=${held}`);
}
