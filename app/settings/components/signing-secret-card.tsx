import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, InlineStack, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { SectionCard } from "~/components/section-card";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages } from "~/i18n/use-messages";
import type { action as revealAction } from "~/routes/app.settings.destinations.$id.reveal-secret";
import type { action as rotateAction } from "~/routes/app.settings.destinations.$id.rotate-secret";
import { destinationMessages } from "../destination-messages";
import { destinationPath } from "../settings-paths";

/**
 * The destination's signing secret: its hint, a rotation behind a warning, and the whole secret only
 * when the merchant asks for it, fetched by its own request and never part of the page's data.
 */
export function SigningSecretCard({ destinationId, hint }: { destinationId: number; hint: string }) {
  const t = useMessages(destinationMessages);
  const common = useMessages(commonMessages);
  const shopify = useAppBridge();
  const rotate = useFetcher<typeof rotateAction>();
  const reveal = useFetcher<typeof revealAction>();
  const [confirming, setConfirming] = useState(false);
  const [hidden, setHidden] = useState(true);

  const rotatedMessage = t("rotated");
  const goneMessage = common("notFoundTitle");
  useEffect(() => {
    if (rotate.data) shopify.toast.show(rotate.data.ok ? rotatedMessage : goneMessage, { isError: !rotate.data.ok });
  }, [rotate.data, shopify, rotatedMessage, goneMessage]);

  const secret = !hidden && reveal.state === "idle" && reveal.data?.ok ? reveal.data.secret : null;
  const post = (fetcher: typeof rotate | typeof reveal, action: "rotate-secret" | "reveal-secret") =>
    fetcher.submit({}, { method: "post", action: destinationPath(destinationId, action) });

  return (
    <SectionCard title={t("signingTitle")} description={t("signingDescription")}>
      <Text as="p">
        <code>{t("signingHint", { hint })}</code>
      </Text>
      {secret && <TextField label={t("revealed")} value={secret} readOnly monospaced autoComplete="off" helpText={t("revealedHelp")} />}
      {confirming && (
        <Banner tone="warning" title={t("rotate")}>
          <BlockStack gap="200">
            <p>{t("rotateWarning")}</p>
            <InlineStack gap="200">
              <Button
                variant="primary"
                tone="critical"
                loading={rotate.state !== "idle"}
                onClick={() => {
                  setConfirming(false);
                  setHidden(true);
                  post(rotate, "rotate-secret");
                }}
              >
                {t("rotateNow")}
              </Button>
              <Button onClick={() => setConfirming(false)}>{common("cancel")}</Button>
            </InlineStack>
          </BlockStack>
        </Banner>
      )}
      <InlineStack gap="200">
        {secret ? (
          <Button onClick={() => setHidden(true)}>{t("hide")}</Button>
        ) : (
          <Button
            loading={reveal.state !== "idle"}
            onClick={() => {
              setHidden(false);
              post(reveal, "reveal-secret");
            }}
          >
            {t("reveal")}
          </Button>
        )}
        {!confirming && (
          <Button tone="critical" loading={rotate.state !== "idle"} onClick={() => setConfirming(true)}>
            {t("rotate")}
          </Button>
        )}
      </InlineStack>
    </SectionCard>
  );
}
