"use client";

import { useWhen } from "@/components/ui/use-when";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { useActionState, useEffect, useRef } from "react";
import { lookupStatusAction, replyAction, type StatusState, type StatusView } from "@/lib/server/actions/status";
import { ErrorsProvider, useMessage } from "@/components/report-form/form-errors";
import { PlainField } from "./plain-field";

/**
 * The reporter's status page. Both forms post to server actions, so it works without
 * JavaScript, and the receipt stays in POST bodies and page state, never in the URL.
 */
export function StatusPage() {
  const t = useTranslations("status");
  const message = useMessage();
  const [lookup, lookupDispatch, looking] = useActionState<StatusState, FormData>(lookupStatusAction, null);
  const [reply, replyDispatch, sending] = useActionState<StatusState, FormData>(replyAction, null);
  const replied = reply?.ok ? reply.data : reply?.values?.view;
  const view = replied ?? (lookup?.ok ? lookup.data : undefined);

  const lookupErrors = lookup && !lookup.ok ? errorsOf(lookup, message) : {};
  const replyErrors = reply && !reply.ok ? errorsOf(reply, message) : {};

  return (
    <>
      <h1>{t("title")}</h1>
      {!view && (
        <ErrorsProvider errors={lookupErrors}>
          <p>{t("intro")}</p>
          <form action={lookupDispatch} noValidate>
            {lookup && !lookup.ok && lookup.formError && lookup.formError !== "errors.validation" && (
              <p className="form-error" role="alert">{message(lookup.formError)}</p>
            )}
            <PlainField
              name="receipt"
              label={t("receipt")}
              hint={t("receiptHint")}
              defaultValue={lookup && !lookup.ok ? lookup.values?.receipt : undefined}
              autoComplete="off"
              spellCheck={false}
            />
            <button type="submit" className="button" disabled={looking}>
              {looking ? t("checking") : t("submit")}
            </button>
          </form>
        </ErrorsProvider>
      )}
      {view && (
        <ErrorsProvider errors={replyErrors}>
          <StatusDetails view={view} />
          {reply?.ok && <p role="status" className="notice">{t("sent")}</p>}
          {reply && !reply.ok && reply.formError && reply.formError !== "errors.validation" && (
            <p className="form-error" role="alert">{message(reply.formError)}</p>
          )}
          {view.open ? (
            <form action={replyDispatch} noValidate>
              <input type="hidden" name="receipt" value={view.receipt} />
              <PlainField
                name="body"
                label={t("replyLabel")}
                hint={t("replyHint")}
                multiline
                key={reply?.ok ? view.messages.length : "draft"}
                defaultValue={reply && !reply.ok ? reply.values?.body : undefined}
              />
              <button type="submit" className="button" disabled={sending}>
                {t("send")}
              </button>
            </form>
          ) : (
            <p className="notice">{view.status === "duplicate" ? t("mergedNote") : t("closedNote")}</p>
          )}
          <p>
            <a href="/status">{t("another")}</a>
          </p>
        </ErrorsProvider>
      )}
    </>
  );
}

function errorsOf(state: Extract<NonNullable<StatusState>, { ok: false }>, message: (key: string) => string) {
  return Object.fromEntries(Object.entries(state.fieldErrors ?? {}).map(([path, keys]) => [path, message(keys[0])]));
}

function StatusDetails({ view }: { view: StatusView }) {
  const t = useTranslations();
  const locale = useLocale() as "zh-CN" | "en";
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const when = useWhen();
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading" ref={heading} tabIndex={-1}>
        <span className="status-tag">{t(`statuses.${view.status}` as never)}</span>
      </h2>
      <p>{t(`status.meaning.${view.status}` as never)}</p>
      {view.original && (
        <p>
          <strong>{t("status.original", { status: t(`statuses.${view.original.status}` as never) })}</strong>
          <br />
          {t(`status.meaning.${view.original.status}` as never)}
        </p>
      )}
      {view.forwardedTo && <p>{t("status.forwardedTo", { agency: view.forwardedTo[locale] })}</p>}
      <dl className="summary-list">
        <div>
          <dt>{t("status.category")}</dt>
          <dd>{t(`categories.${view.category}.name` as never)}</dd>
        </div>
        <div>
          <dt>{t("status.submittedAt")}</dt>
          <dd>{when(view.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t("status.expectedBy")}</dt>
          <dd>{when(view.expectedBy)}</dd>
        </div>
      </dl>
      {view.sameTargetCount > 0 && <p>{t("confirmation.sameTarget", { count: view.sameTargetCount })}</p>}
      <h2>{t("status.thread")}</h2>
      {view.messages.length === 0 ? (
        <p className="muted">{t("status.noMessages")}</p>
      ) : (
        <ol className="thread">
          {view.messages.map((m, i) => (
            <li key={i} className={m.from === "staff" ? "from-staff" : "from-reporter"}>
              <p className="meta">
                {m.from === "staff" ? t("status.fromStaff") : t("status.fromYou")} · {when(m.at)}
              </p>
              <p style={{ whiteSpace: "pre-wrap" }}>{m.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
