"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useFormContext } from "react-hook-form";
import { crime } from "@/lib/categories/crime";
import type { FilesProps } from "./files";
import { Group, RadioGroup, SelectField, TextArea, TextField } from "./fields";
import { LocationFields } from "./location-fields";
import { Repeatable } from "./repeatable";
import { ContactFields, DescriptionField, EvidenceField } from "./shared-fields";
import { useChoices, useRules } from "./use-rules";

export function CrimeFields(files: FilesProps) {
  const t = useTranslations();
  const { asked, max } = useRules(crime);
  const { watch } = useFormContext();
  const yesNo = [
    { value: "true", label: t("form.yes") },
    { value: "false", label: t("form.no") },
  ];
  const methods = useChoices(crime, "transactions.method");
  const suspectKinds = useChoices(crime, "suspects.kind");
  return (
    <>
      <RadioGroup name="ongoingDanger" label={t("fields.ongoingDanger")} options={yesNo} inline />
      {watch("ongoingDanger") === "true" && <p className="notice notice--warning"><strong>{t("form.dangerNote")}</strong></p>}
      <SelectField name="subtype" label={t("fields.subtype")} options={useChoices(crime, "subtype")} />
      <DescriptionField />
      <RadioGroup name="filingFor" label={t("fields.filingFor")} options={useChoices(crime, "filingFor")} />
      {asked("victim") && (
        <Group name="victim" legend={t("fields.victim.label")}>
          <TextField name="victim.name" label={t("fields.victim.name")} />
          <TextField name="victim.phone" label={t("fields.victim.phone")} type="tel" optional />
          <TextField name="victim.email" label={t("fields.victim.email")} type="email" optional />
        </Group>
      )}
      <div className="two-col">
        <TextField name="incidentStart" label={t("fields.incidentStart")} hint={t("hints.incidentStart")} type="datetime-local" />
        <TextField name="incidentEnd" label={t("fields.incidentEnd")} type="datetime-local" optional />
      </div>
      <LocationFields />
      <RadioGroup name="moneyLost" label={t("fields.moneyLost")} options={yesNo} inline />
      {asked("transactions") && (
        <>
          <Group name="amountLost" legend={t("fields.amountLost.label")} hint={t("hints.amountLost")}>
            <div className="two-col">
              <TextField name="amountLost.value" label={t("fields.amountLost.value")} inputMode="decimal" />
              <TextField name="amountLost.currency" label={t("fields.amountLost.currency")} />
            </div>
          </Group>
          <Group name="transactions" legend={t("fields.transactions.label")} hint={t("hints.transactions")}>
            <Repeatable
              name="transactions"
              initial={2}
              max={max("transactions")}
              addLabel={t("form.addTransaction")}
              itemLabel={(i) => t("form.row", { label: t("fields.transactions.label"), n: i + 1 })}
              renderRow={(p) => (
                <>
                  <div className="two-col">
                    <TextField name={`${p}.date`} label={t("fields.transactions.date")} type="date" />
                    <SelectField name={`${p}.method`} label={t("fields.transactions.method")} options={methods} />
                    <TextField name={`${p}.amount`} label={t("fields.transactions.amount")} inputMode="decimal" />
                    <TextField name={`${p}.currency`} label={t("fields.transactions.currency")} />
                  </div>
                  <TextField name={`${p}.recipientName`} label={t("fields.transactions.recipientName")} optional />
                  <TextField name={`${p}.recipientAccount`} label={t("fields.transactions.recipientAccount")} optional />
                  <TextField name={`${p}.transactionId`} label={t("fields.transactions.transactionId")} optional />
                </>
              )}
            />
          </Group>
        </>
      )}
      <SelectField name="contactMethod" label={t("fields.contactMethod")} optional options={useChoices(crime, "contactMethod")} />
      <Group name="suspects" legend={t("fields.suspects.label")} hint={t("hints.suspects")}>
        <Repeatable
          name="suspects"
          initial={2}
          max={max("suspects")}
          addLabel={t("form.addSuspect")}
          itemLabel={(i) => t("form.row", { label: t("fields.suspects.label"), n: i + 1 })}
          renderRow={(p) => (
            <div className="two-col">
              <SelectField name={`${p}.kind`} label={t("fields.suspects.kind")} options={suspectKinds} optional />
              <TextField name={`${p}.value`} label={t("fields.suspects.value")} optional />
            </div>
          )}
        />
      </Group>
      <TextArea name="reportedElsewhere" label={t("fields.reportedElsewhere")} optional rows={2} />
      <EvidenceField {...files} />
      <ContactFields />
    </>
  );
}
