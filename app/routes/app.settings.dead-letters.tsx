import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Card, Layout, Page } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { db } from "~/db/client.server";
import { useMessages } from "~/i18n/use-messages";
import { replayDelivery } from "~/outbound/deliveries.server";
import { DeadLetterTable } from "~/settings/components/dead-letter-table";
import { SettingsErrorBoundary } from "~/settings/components/settings-error-boundary";
import { loadDeadLetterPage } from "~/settings/dead-letters.server";
import { deliveryMessages } from "~/settings/delivery-messages";
import { notFound, notFoundAnswer } from "~/settings/http.server";
import { SETTINGS_PATH } from "~/settings/settings-paths";
import { authenticate } from "~/shopify.server";

const replayForm = z.object({ deliveryId: z.coerce.number().int().positive() });

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return (await loadDeadLetterPage(db, session.shop)) ?? notFound();
};

/** Replay: back in the queue under the same webhook-id, due now. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = replayForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return notFoundAnswer();
  return (await replayDelivery(db, session.shop, form.data.deliveryId, new Date())) ? { ok: true as const } : notFoundAnswer();
};

export default function DeadLetters() {
  const { deadLetters, timezone } = useLoaderData<typeof loader>();
  const replay = useFetcher<typeof action>();
  const shopify = useAppBridge();
  const t = useMessages(deliveryMessages);

  const [replayedMessage, goneMessage] = [t("replayed"), t("replayGone")];
  useEffect(() => {
    if (replay.data) shopify.toast.show(replay.data.ok ? replayedMessage : goneMessage, { isError: !replay.data.ok });
  }, [replay.data, shopify, replayedMessage, goneMessage]);

  const replaying = replay.state === "idle" ? null : Number(replay.formData?.get("deliveryId") ?? 0);
  return (
    <Page backAction={{ content: t("back"), url: SETTINGS_PATH }} title={t("deadTitle")} subtitle={t("deadDescription")}>
      <Layout>
        <Layout.Section>
          <Card padding="0">
            <DeadLetterTable deadLetters={deadLetters} timezone={timezone} replaying={replaying} onReplay={(deliveryId) => replay.submit({ deliveryId }, { method: "post" })} />
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <SettingsErrorBoundary />;
}
