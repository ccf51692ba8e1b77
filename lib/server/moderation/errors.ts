import "server-only";

/** Codes map to `moderation.errors.<code>` messages in both languages. */
export type ModerationErrorCode =
  | "not_found"
  | "claimed_by_other"
  | "not_claimed"
  | "claim_expired"
  | "invalid_transition"
  | "duplicate_of_self"
  | "duplicate_target_missing"
  | "agency_invalid"
  | "reference_required"
  | "reason_required"
  | "message_required"
  | "message_invalid"
  | "queue_empty"
  | "forbidden"
  | "restricted";

/** An expected refusal with a message the moderator can act on. */
export class ModerationError extends Error {
  constructor(readonly code: ModerationErrorCode) {
    super(code);
  }
}
