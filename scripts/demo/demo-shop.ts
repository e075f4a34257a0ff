import { db } from "~/db/client.server";
import { activeSequenceVersion, publishSequenceVersion } from "~/models/sequence.server";
import { installShop, updateShopSettings } from "~/models/shop.server";
import type { DestinationInput } from "~/outbound/destination-input";
import { createDestination, revealSigningSecret } from "~/outbound/destinations.server";
import { PRESETS } from "~/outbound/presets";
import { ensureDefaultSequence } from "~/recovery/default-sequence.server";

export const DEMO_SHOP = "demo-outfitters.myshopify.com";

export interface DemoReceivers {
  support: string;
  crm: string;
  sms: string;
}

/**
 * A shop as a merchant would set it up: installed with the default sequence, an SMS step added after
 * the first email, a CRM told about abandonments and recoveries, and the support team about carts
 * over $400. Returns each destination's signing secret, for the receivers to verify with.
 */
export async function setUpDemoShop(urls: DemoReceivers): Promise<DemoReceivers> {
  await db.$transaction(async (tx) => {
    await installShop(tx, DEMO_SHOP, { name: "Demo Outfitters", timezone: "America/New_York", currency: "USD" });
    await ensureDefaultSequence(tx, DEMO_SHOP);
  });
  await updateShopSettings(db, DEMO_SHOP, { highValueThresholdMinor: 40_000n, senderName: "Demo Outfitters" });

  const support = await destination({ name: "Support desk", url: urls.support, preset: "generic", events: ["cart.high_value"] });
  const crm = await destination({ name: "CRM", url: urls.crm, preset: "crm", events: ["checkout.abandoned", "checkout.recovered"] });
  const sms = await destination({ name: "SMS provider", url: urls.sms, preset: "sms", events: [] });

  const current = (await activeSequenceVersion(db, DEMO_SHOP))!;
  const email = ({ delayMinutes, templateId }: { delayMinutes: number; templateId: number | null }) => ({ delayMinutes, channel: "email" as const, templateId });
  const [reminder, secondReminder, lastCall] = current.steps.map(email);
  await publishSequenceVersion(db, DEMO_SHOP, current.sequenceId, [
    reminder!,
    { delayMinutes: 120, channel: "webhook", templateId: null, destinationId: sms.id },
    secondReminder!,
    lastCall!,
  ]);

  return {
    support: (await revealSigningSecret(db, DEMO_SHOP, support.id))!,
    crm: (await revealSigningSecret(db, DEMO_SHOP, crm.id))!,
    sms: (await revealSigningSecret(db, DEMO_SHOP, sms.id))!,
  };
}

async function destination(input: Pick<DestinationInput, "name" | "url" | "preset" | "events">) {
  const result = await createDestination(db, DEMO_SHOP, {
    ...input,
    method: "POST",
    headers: [{ name: "Authorization", value: `Bearer demo-${input.name.toLowerCase().replace(/\W+/g, "-")}-key`, secret: true }],
    payloadTemplate: PRESETS[input.preset as keyof typeof PRESETS].template,
    followRedirects: false,
  });
  if ("fieldErrors" in result) throw new Error(`Demo destination ${input.name} is invalid: ${JSON.stringify(result.fieldErrors)}`);
  return result.destination;
}
