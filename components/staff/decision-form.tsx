"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useActionState, useState } from "react";
import { decideAction, type DecisionState } from "@/lib/server/actions/moderation";
import { DECISIONS, type Decision } from "@/lib/moderation/statuses";

type Agency = { id: string; name: string };
/** A report that shares a target with this one: a likely original, as the form lists it. */
export type Original = { id: string; caseNumber: string; snippet: string; status: string; date: string };

type Props = {
  reportId: string;
  allowed: Decision[];
  /** In the reporter's language. */
  templates: Record<Decision, string>;
  /** In the moderator's language, when it is not the reporter's. */
  ownTemplates?: Record<Decision, string>;
  reporterLanguage: string;
  ownLanguage: string;
  agencies: Agency[];
  /** Reports on the same target: the likely originals of a duplicate. */
  originals?: Original[];
};

/**
 * A decision with its reason. Choosing a decision fills the reason from its template, in
 * the reporter's language, which is what they receive; the text stays editable before it
 * is sent. When the moderator reads another language, the template in theirs is beside it.
 */
export function DecisionForm(props: Props) {
  const [state, dispatch, pending] = useActionState<DecisionState, FormData>(decideAction, null);
  // Each answer from the server draws the fields afresh from what was sent: React resets a
  // form after its action, which cleared the chosen decision while its own fields stayed.
  const [round, setRound] = useState(0);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    setRound((n) => n + 1);
  }
  return (
    <form action={dispatch} className="panel-box" noValidate>
      <DecisionFields key={round} state={state} pending={pending} {...props} />
    </form>
  );
}

function DecisionFields({
  state,
  pending,
  reportId,
  allowed,
  templates,
  ownTemplates,
  reporterLanguage,
  ownLanguage,
  agencies,
  originals = [],
}: Props & { state: DecisionState; pending: boolean }) {
  const t = useTranslations();
  const failed = state && !state.ok ? state : undefined;
  const sent = failed?.values?.decision;
  const [decision, setDecision] = useState<Decision | "">(sent && (allowed as string[]).includes(sent) ? (sent as Decision) : "");
  const [reason, setReason] = useState(failed?.values?.reason ?? "");
  const fieldError = (name: string) => failed?.fieldErrors?.[name]?.[0];

  return (
    <>
      <h2>{t("review.decide")}</h2>
      <input type="hidden" name="reportId" value={reportId} />
      {failed?.formError && (
        <p className="form-error" role="alert">
          {t(failed.formError as never)}
        </p>
      )}
      <fieldset className="field">
        <legend>{t("review.decision")}</legend>
        {DECISIONS.filter((d) => allowed.includes(d)).map((d) => (
          <label key={d} className="choice">
            <input
              type="radio"
              name="decision"
              value={d}
              checked={decision === d}
              onChange={() => {
                setDecision(d);
                setReason(templates[d]);
              }}
            />
            {t(`moderation.decisions.${d}`)}
          </label>
        ))}
        {fieldError("decision") && <p className="error-message">{t("validation.required")}</p>}
      </fieldset>
      {decision === "duplicate" && (
        <>
          {/* The likely originals (reports on the same target), the oldest chosen: two clicks. */}
          {originals.length > 0 && (
            <fieldset className="field">
              <legend>{t("review.chooseOriginal")}</legend>
              {originals.map((o, i) => (
                <label key={o.id} className="choice choice--original">
                  <input type="radio" name="duplicateOfId" value={o.caseNumber} defaultChecked={failed?.values?.duplicateOfId ? failed.values.duplicateOfId === o.caseNumber : i === 0} />
                  <span>
                    <span className="case-number">{o.caseNumber}</span> {o.snippet}
                    <span className="muted"> · {o.status} · {o.date}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="field">
            <label htmlFor="duplicateOfCase">{originals.length > 0 ? t("review.orTypeCase") : t("review.typeCase")}</label>
            <p className="hint" id="duplicateOfCase-hint">{t("review.caseHint")}</p>
            <input id="duplicateOfCase" name="duplicateOfCase" type="text" aria-describedby="duplicateOfCase-hint" defaultValue={failed?.values?.duplicateOfCase} />
          </div>
        </>
      )}
      {decision === "forwarded" && (
        <>
          <div className="field">
            <label htmlFor="agencyId">{t("review.agency")}</label>
            <select id="agencyId" name="agencyId" defaultValue={failed?.values?.agencyId ?? agencies[0]?.id}>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="reference">{t("review.reference")}</label>
            <input id="reference" name="reference" type="text" defaultValue={failed?.values?.reference} />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="reason">{decision === "needs-info" ? t("review.question") : t("review.reason")}</label>
        <p className="hint" id="reason-language">
          {t("review.reporterReads", { language: reporterLanguage })}
        </p>
        {fieldError("reason") && (
          <p className="error-message" id="reason-error">
            {t("moderation.errors.reason_required")}
          </p>
        )}
        <textarea
          id="reason"
          name="reason"
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={fieldError("reason") ? "reason-error reason-language" : "reason-language"}
        />
        {ownTemplates && decision && (
          <div className="hint" data-testid="own-language-template">
            <p>{t("review.yourLanguage", { language: ownLanguage })}</p>
            <p className="pre">{ownTemplates[decision]}</p>
          </div>
        )}
      </div>
      <button type="submit" className="button" disabled={pending || !decision}>
        {t("review.submitDecision")}
      </button>
    </>
  );
}
