import { Button, ButtonGroup } from "@shopify/polaris";
import { useNavigation, useSearchParams } from "@remix-run/react";
import { useMessages } from "~/i18n/use-messages";
import { dashboardMessages } from "./dashboard-messages";
import { PERIOD_LENGTHS, parsePeriodLength, type PeriodLength } from "./dashboard-period";

/** 7, 30 or 90 days, kept in the URL's `period` so a reload or a shared link shows the same figures. */
export function PeriodSelector({ selected }: { selected: PeriodLength }) {
  const t = useMessages(dashboardMessages);
  const [, setSearchParams] = useSearchParams();
  const navigation = useNavigation();
  const loading =
    navigation.state === "loading" && navigation.location.pathname === "/app"
      ? parsePeriodLength(new URLSearchParams(navigation.location.search).get("period"))
      : null;
  const choose = (length: PeriodLength) =>
    setSearchParams(
      (params) => {
        params.set("period", String(length));
        return params;
      },
      { preventScrollReset: true },
    );
  return (
    <div role="group" aria-label={t("periodLabel")}>
      <ButtonGroup variant="segmented">
        {PERIOD_LENGTHS.map((length) => (
          <Button key={length} pressed={length === selected} loading={length === loading && length !== selected} onClick={() => choose(length)}>
            {t("periodDays", { days: length })}
          </Button>
        ))}
      </ButtonGroup>
    </div>
  );
}
