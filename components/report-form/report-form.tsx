"use client";

import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { lazy, Suspense, useActionState, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, type Resolver } from "react-hook-form";
import { submitReportAction, type ReportFormState } from "@/lib/server/actions/report";
import type { FormValues } from "@/lib/validation/form-values";
import { DEFAULT_OFFSET, type Category } from "@/lib/validation/options";
import { CategoryFields } from "./category-fields";
import { ErrorsProvider, flattenErrors, nestErrors, useMessage } from "./form-errors";
import { NO_FILES, type FileSlots } from "./files";
import { CheckboxField } from "./fields";
import { typedAnswers } from "./typed-answers";
import { forgetDraft } from "./draft-key";
import { useHydrated } from "./use-hydrated";
import { carriesFiles, sendForm, type Progress } from "./send-form";
import { UploadProgress } from "./upload-progress";

// Its own chunk, fetched after the first input: the page's first load stays as it was.
const ProofOfWork = lazy(() => import("./proof-of-work").then((m) => ({ default: m.ProofOfWork })));

// Keeps the answers in the browser tab; it needs nothing before the page has hydrated.
const DraftKeeper = dynamic(() => import("./draft-keeper").then((m) => m.DraftKeeper), { ssr: false });

// Shown once a report is in: fetched when the form is sent, while the server works.
const loadConfirmation = () => import("./confirmation");
const Confirmation = dynamic(() => loadConfirmation().then((m) => m.Confirmation));

// Shown only when there are errors: fetched with the browser's first check, or with the
// page when the server returns it with errors.
const loadErrorSummary = () => import("./error-summary");
const ErrorSummary = dynamic(() => loadErrorSummary().then((m) => m.ErrorSummary));

/** The browser's UTC offset, e.g. "+08:00", for the times typed into the form. */
function browserOffset(): string {
  const minutes = -new Date().getTimezoneOffset();
  const sign = minutes >= 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * One report form. It posts to a server action, so it works without JavaScript; with
 * JavaScript, react-hook-form checks it first with the same schema as the server.
 */
export function ReportForm({ category, submissionKey }: { category: Category; submissionKey: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const message = useMessage();
  const hydrated = useHydrated();
  // Without JavaScript (and before hydration) the form posts to the server action; with it,
  // the page sends the form itself (send-form.ts) to show upload progress.
  const [posted, dispatch, pending] = useActionState<ReportFormState, FormData>(submitReportAction, null);
  const [sent, setSent] = useState<ReportFormState>(null);
  const state = sent ?? posted;
  const [sending, setSending] = useState<{ files: boolean; progress?: Progress; uploaded: boolean; cancel: () => void } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [files, setFiles] = useState<FileSlots>(NO_FILES);
  const [source, setSource] = useState<"server" | "client">("server");
  const [focusTick, setFocusTick] = useState(0);
  // The proof of work starts with the first answer, and again after each reply from the
  // server: a challenge counts once, so a post that came back with errors used it up.
  const [started, setStarted] = useState(false);
  const [replies, setReplies] = useState(0);

  // The browser's check (zod and the rules, about 60 kB) is fetched when the browser is
  // idle after the first answer, so the first submit does not wait for it.
  useEffect(() => {
    if (!started) return;
    const load = () => void import("./check-report");
    if ("requestIdleCallback" in window) {
      const id = window.requestIdleCallback(load, { timeout: 3000 });
      return () => window.cancelIdleCallback(id);
    }
    const timer = setTimeout(load, 1000);
    return () => clearTimeout(timer);
  }, [started]);
  const formRef = useRef<HTMLFormElement>(null);
  const filesRef = useRef(files);
  filesRef.current = files;

  const resolver = useMemo<Resolver<FormValues>>(
    () => async (values) => {
      const [{ checkReport }] = await Promise.all([import("./check-report"), loadErrorSummary()]);
      const flat = checkReport({ ...values, tz: browserOffset() }, category, filesRef.current, locale);
      if (Object.keys(flat).length === 0) return { values, errors: {} };
      return { values: {}, errors: nestErrors(flat) as never };
    },
    [category, locale],
  );

  const failed = state && !state.ok ? state : undefined;
  // While the page hydrates, the server-rendered form still holds what the person has
  // already answered: read it once, before react-hook-form would reset it.
  const [typed] = useState(() => (typeof document === "undefined" ? undefined : typedAnswers(document.querySelector<HTMLFormElement>("form[data-report-form]"), category)));
  const methods = useForm<FormValues>({
    defaultValues: failed?.values ?? typed ?? {},
    resolver,
    shouldUnregister: true,
    // The error summary takes the focus instead (GOV.UK pattern).
    shouldFocusError: false,
  });

  // Busy at once on submit, while the check runs (react-hook-form's isSubmitting).
  const checking = methods.formState.isSubmitting && !sending;
  const busy = pending || checking || sending !== null;
  const [restored, setRestored] = useState(0);
  useEffect(() => {
    if (state?.ok) forgetDraft(category);
  }, [state, category]);

  useEffect(() => {
    if (state && !state.ok) {
      setSource("server");
      setFocusTick((n) => n + 1);
      setReplies((n) => n + 1);
    }
  }, [state]);

  const clientErrors = flattenErrors(methods.formState.errors);
  const serverErrors = Object.fromEntries(
    Object.entries(failed?.fieldErrors ?? {}).map(([path, keys]) => [path, keys[0]]),
  );
  const keys = source === "client" ? clientErrors : serverErrors;
  const errors = Object.fromEntries(Object.entries(keys).map(([path, key]) => [path, message(key)]));
  const formError = source === "server" && failed?.formError && failed.formError !== "errors.validation" ? message(failed.formError) : undefined;

  if (state?.ok) return <Confirmation receipt={state.data} />;

  const onSubmit = methods.handleSubmit(
    () => {
      const data = new FormData(formRef.current!);
      data.set("tz", browserOffset());
      // An empty file input still adds an empty part; send only chosen files.
      for (const name of ["evidence", "agentAuthorization", "ownershipProofFile"]) {
        const chosen = data.getAll(name).filter((v) => typeof v !== "string" && v.size > 0);
        data.delete(name);
        for (const file of chosen) data.append(name, file);
      }
      setCancelled(false);
      const { result, cancel } = sendForm(
        data,
        (progress) => setSending((now) => now && { ...now, progress }),
        () => setSending((now) => now && { ...now, uploaded: true }),
      );
      setSending({ files: carriesFiles(data), uploaded: false, cancel });
      return result.then((answer) => {
        setSending(null);
        if (answer === undefined) setCancelled(true);
        else setSent(answer);
      });
    },
    () => setFocusTick((n) => n + 1),
  );

  return (
    <FormProvider {...methods}>
      <ErrorsProvider errors={errors}>
        <form
          ref={formRef}
          action={dispatch}
          encType="multipart/form-data"
          noValidate
          data-report-form=""
          data-hydrated={hydrated ? "" : undefined}
          onInput={() => setStarted(true)}
          onSubmit={(event) => {
            void loadConfirmation();
            setSource("client");
            void onSubmit(event);
          }}
        >
          {(Object.keys(errors).length > 0 || formError) && <ErrorSummary category={category} errors={errors} formError={formError} focusTick={focusTick} />}
          <input type="hidden" name="category" value={category} />
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="tz" value={hydrated ? browserOffset() : DEFAULT_OFFSET} />
          {hydrated && <input type="hidden" name="js" value="1" />}
          {started && (
            <Suspense fallback={null}>
              <ProofOfWork key={replies} />
            </Suspense>
          )}
          {hydrated && <DraftKeeper category={category} restore={!failed && !typed} onRestored={setRestored} />}
          <CategoryFields key={restored} category={category} files={files} setFiles={setFiles} />
          <CheckboxField name="goodFaith" label={t("fields.goodFaith")} />
          {sending?.files && <UploadProgress progress={sending.progress} uploaded={sending.uploaded} onCancel={sending.cancel} />}
          {cancelled && (
            <p role="status" className="notice">
              {t("form.upload.cancelled")}
            </p>
          )}
          <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined}>
            {pending || sending ? t("form.sending") : checking ? t("form.checking") : t("form.submit")}
          </button>
        </form>
      </ErrorsProvider>
    </FormProvider>
  );
}
