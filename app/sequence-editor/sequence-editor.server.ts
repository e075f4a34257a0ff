import type { Db } from "~/db/client.server";
import { DEFAULT_MIN_SAMPLE } from "~/experiments/choose-variant.server";
import type { UiLocale } from "~/i18n/ui-locale";
import type { FieldErrors } from "~/lib/field-errors.server";
import { activeSequenceVersionForEditing, countEnrollmentsOnOlderVersions, findSequence, publishSequenceVersion } from "~/models/sequence.server";
import { findShop } from "~/models/shop.server";
import { listTemplates } from "~/models/template.server";
import { listDestinations } from "~/outbound/destinations.server";
import type { SequenceEdit, SequenceEditorData } from "./step-form";
import { checkSteps } from "./step-rules";
import { storedStepForm } from "./stored-step-form";

/** The editor's page for the shop's active sequence; null when the shop has none. */
export async function loadSequenceEditor(db: Db, shop: string): Promise<SequenceEditorData | null> {
  const version = await activeSequenceVersionForEditing(db, shop);
  if (!version) return null;
  const { currency, templates, destinations } = await stepChoices(db, shop);
  return {
    sequenceId: version.sequence.id,
    name: version.sequence.name,
    versionNumber: version.number,
    enrollmentsOnOlderVersions: await countEnrollmentsOnOlderVersions(db, shop, version.sequence.id, version.number),
    currency,
    defaultMinSample: DEFAULT_MIN_SAMPLE,
    steps: version.steps.map((step) => storedStepForm(step, currency)),
    templates,
    destinations,
  };
}

export type PublishOutcome = { versionNumber: number } | { fieldErrors: FieldErrors };

/**
 * Checks the edited steps and publishes them as the sequence's next version; checkouts already enrolled
 * finish the version they started on. Null when the shop has no such sequence.
 */
export async function publishSequenceEdit(db: Db, shop: string, edit: SequenceEdit, locale: UiLocale): Promise<PublishOutcome | null> {
  if (!(await findSequence(db, shop, edit.sequenceId))) return null;
  const { currency, templates, destinations } = await stepChoices(db, shop);
  const checked = await checkSteps(
    edit.steps,
    { currency, templateIds: new Set(templates.map(({ id }) => id)), destinationIds: new Set(destinations.map(({ id }) => id)) },
    locale,
  );
  if ("fieldErrors" in checked) return checked;
  const version = await publishSequenceVersion(db, shop, edit.sequenceId, checked.steps);
  return { versionNumber: version.number };
}

/** What the shop's steps can use: its own templates and destinations, and its currency for amounts. */
async function stepChoices(db: Db, shop: string) {
  const currency = (await findShop(db, shop))?.currency ?? "USD";
  const templates = (await listTemplates(db, shop)).map(({ id, name }) => ({ id, name }));
  const destinations = (await listDestinations(db, shop)).map(({ id, name, enabled }) => ({ id, name, enabled }));
  return { currency, templates, destinations };
}
