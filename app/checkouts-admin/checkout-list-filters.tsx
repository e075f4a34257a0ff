import { useSearchParams } from "@remix-run/react";
import { BlockStack, ChoiceList, Filters, TextField, type AppliedFilterInterface } from "@shopify/polaris";
import { useCallback } from "react";
import { CHECKOUT_STATUSES, type CheckoutStatus } from "~/checkouts/checkout-status";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { formatMoney, isDecimalString } from "~/lib/money";
import { listMessages } from "./list-messages";
import { EMPTY_LIST_QUERY, writeListQuery, type CheckoutListQuery } from "./list-query";
import { statusMessages } from "./status-messages";
import { useUrlDraft } from "./use-url-draft";

interface Props {
  query: CheckoutListQuery;
  currency: string;
  loading: boolean;
}

/** Status, creation day, email presence, cart value and an email search, all kept in the URL; any change starts again at the first page. */
export function CheckoutListFilters({ query, currency, loading }: Props) {
  const t = useMessages(listMessages);
  const status = useMessages(statusMessages);
  const locale = useUiLocale();
  const [searchParams, setSearchParams] = useSearchParams();

  const apply = useCallback(
    (changes: Partial<CheckoutListQuery>) => setSearchParams(writeListQuery(searchParams, { ...query, ...changes, after: null, before: null }), { preventScrollReset: true }),
    [searchParams, setSearchParams, query],
  );
  const [email, setEmail] = useUrlDraft(query.emailPrefix ?? "", useCallback((value) => apply({ emailPrefix: value.trim().toLowerCase() || null }), [apply]));
  const [minTotal, setMinTotal] = useUrlDraft(query.minTotal ?? "", useCallback((value) => apply({ minTotal: value.trim() || null }), [apply]));
  const [maxTotal, setMaxTotal] = useUrlDraft(query.maxTotal ?? "", useCallback((value) => apply({ maxTotal: value.trim() || null }), [apply]));

  const money = (amount: string) => formatMoney(amount, currency, locale);
  const amountError = (draft: string) => (draft.trim() && !isDecimalString(draft.trim()) ? t("invalidAmount") : undefined);
  const filters = [
    {
      key: "status",
      label: t("filterStatus"),
      pinned: true,
      filter: (
        <ChoiceList
          title={t("filterStatus")}
          titleHidden
          allowMultiple
          choices={CHECKOUT_STATUSES.map((value) => ({ label: status(value), value }))}
          selected={query.statuses}
          onChange={(selected) => apply({ statuses: selected as CheckoutStatus[] })}
        />
      ),
    },
    {
      key: "created",
      label: t("filterCreated"),
      filter: (
        <BlockStack gap="200">
          <TextField label={t("createdFrom")} type="date" autoComplete="off" value={query.createdFrom ?? ""} onChange={(value) => apply({ createdFrom: value || null })} />
          <TextField label={t("createdTo")} type="date" autoComplete="off" value={query.createdTo ?? ""} onChange={(value) => apply({ createdTo: value || null })} />
        </BlockStack>
      ),
    },
    {
      key: "hasEmail",
      label: t("filterEmail"),
      filter: (
        <ChoiceList
          title={t("filterEmail")}
          titleHidden
          choices={[
            { label: t("hasEmailYes"), value: "yes" },
            { label: t("hasEmailNo"), value: "no" },
          ]}
          selected={query.hasEmail === null ? [] : [query.hasEmail ? "yes" : "no"]}
          onChange={([value]) => apply({ hasEmail: value === undefined ? null : value === "yes" })}
        />
      ),
    },
    {
      key: "value",
      label: t("filterValue"),
      filter: (
        <BlockStack gap="200">
          <TextField label={t("minTotal", { currency })} inputMode="decimal" autoComplete="off" value={minTotal} onChange={setMinTotal} error={amountError(minTotal)} />
          <TextField
            label={t("maxTotal", { currency })}
            inputMode="decimal"
            autoComplete="off"
            value={maxTotal}
            onChange={setMaxTotal}
            error={amountError(maxTotal)}
            helpText={t("valueHelp", { currency })}
          />
        </BlockStack>
      ),
    },
  ];

  const applied: AppliedFilterInterface[] = [];
  if (query.statuses.length) {
    applied.push({ key: "status", label: t("appliedStatus", { statuses: query.statuses.map((value) => status(value)).join(", ") }), onRemove: () => apply({ statuses: [] }) });
  }
  if (query.createdFrom || query.createdTo) {
    const label = query.createdFrom && query.createdTo ? "appliedCreatedBetween" : query.createdFrom ? "appliedCreatedFrom" : "appliedCreatedTo";
    applied.push({ key: "created", label: t(label, { from: query.createdFrom ?? "", to: query.createdTo ?? "" }), onRemove: () => apply({ createdFrom: null, createdTo: null }) });
  }
  if (query.hasEmail !== null) {
    applied.push({ key: "hasEmail", label: t(query.hasEmail ? "hasEmailYes" : "hasEmailNo"), onRemove: () => apply({ hasEmail: null }) });
  }
  if (query.minTotal || query.maxTotal) {
    const label = query.minTotal && query.maxTotal ? "appliedValueBetween" : query.minTotal ? "appliedValueMin" : "appliedValueMax";
    const amounts = { min: query.minTotal ? money(query.minTotal) : "", max: query.maxTotal ? money(query.maxTotal) : "" };
    applied.push({ key: "value", label: t(label, amounts), onRemove: () => apply({ minTotal: null, maxTotal: null }) });
  }

  return (
    <Filters
      queryValue={email}
      queryPlaceholder={t("searchPlaceholder")}
      onQueryChange={setEmail}
      onQueryClear={() => {
        setEmail("");
        apply({ emailPrefix: null });
      }}
      filters={filters}
      appliedFilters={applied}
      onClearAll={() => apply(EMPTY_LIST_QUERY)}
      loading={loading}
    />
  );
}
