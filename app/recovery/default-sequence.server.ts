import type { Db } from "~/db/client.server";
import { createSequence, shopHasSequence, type StepDefinition } from "~/models/sequence.server";
import { createTemplate } from "~/models/template.server";
import { DEFAULT_TEMPLATES } from "~/templates/default-templates";

export const DEFAULT_SEQUENCE_NAME = "Abandoned checkout recovery";

/** 1 h reminder, 24 h reminder, 72 h last call; merchants adjust them in the sequence editor. */
export const DEFAULT_STEP_DELAYS_MINUTES: Record<(typeof DEFAULT_TEMPLATES)[number]["key"], number> = {
  reminder: 60,
  second_reminder: 24 * 60,
  last_call: 72 * 60,
};

/** Gives a newly installed shop the default sequence and its templates; a reinstall keeps what the shop has. */
export async function ensureDefaultSequence(db: Db, shop: string): Promise<void> {
  if (await shopHasSequence(db, shop)) return;
  const steps: StepDefinition[] = [];
  for (const template of DEFAULT_TEMPLATES) {
    const created = await createTemplate(db, shop, { name: template.name, contents: template.contents });
    steps.push({ delayMinutes: DEFAULT_STEP_DELAYS_MINUTES[template.key], channel: "email", templateId: created.id });
  }
  await createSequence(db, shop, DEFAULT_SEQUENCE_NAME, steps);
}
