import { Badge, BlockStack, Layout, Modal, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { CartCard } from "./cart-card";
import { CustomerCard } from "./customer-card";
import { detailMessages } from "./detail-messages";
import { EnrollmentCard } from "./enrollment-card";
import type { CheckoutDetail } from "./load-checkout-detail.server";
import { formatShopTime } from "./shop-time";
import { STATUS_TONES, statusMessages } from "./status-messages";
import { TimelineCard } from "./timeline-card";
import { useCheckoutAction } from "./use-checkout-action";

export function CheckoutDetailPage({ detail }: { detail: CheckoutDetail }) {
  const t = useMessages(detailMessages);
  const common = useMessages(commonMessages);
  const status = useMessages(statusMessages);
  const locale = useUiLocale();
  const { checkout, enrollment, timezone } = detail;
  const { run, pending } = useCheckoutAction({ timezone, currency: checkout.currency });
  const [confirmingStop, setConfirmingStop] = useState(false);
  const running = enrollment?.status === "active";

  return (
    <Page
      backAction={{ content: t("back"), url: "/app/checkouts" }}
      title={t("title", { id: checkout.id })}
      titleMetadata={<Badge tone={STATUS_TONES[checkout.status]}>{status(checkout.status)}</Badge>}
      subtitle={t("createdAt", { time: formatShopTime(checkout.createdAt, timezone, locale) })}
      primaryAction={{ content: t("sendNow"), disabled: !running || !enrollment?.nextStep, loading: pending === "send_now", onAction: () => run("send_now") }}
      secondaryActions={[{ content: t("stop"), destructive: true, disabled: !running, loading: pending === "stop", onAction: () => setConfirmingStop(true) }]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <TimelineCard entries={detail.timeline} timezone={timezone} currency={checkout.currency} />
            <CartCard checkout={checkout} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <EnrollmentCard enrollment={enrollment} timezone={timezone} currency={checkout.currency} />
            <CustomerCard detail={detail} />
          </BlockStack>
        </Layout.Section>
      </Layout>
      <Modal
        open={confirmingStop}
        onClose={() => setConfirmingStop(false)}
        title={t("stopConfirmTitle")}
        primaryAction={{
          content: t("stopConfirm"),
          destructive: true,
          onAction: () => {
            setConfirmingStop(false);
            run("stop");
          },
        }}
        secondaryActions={[{ content: common("cancel"), onAction: () => setConfirmingStop(false) }]}
      >
        <Modal.Section>
          <Text as="p">{t("stopConfirmBody")}</Text>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
