import { z } from "zod";
import { DESTINATION_METHODS } from "~/outbound/destination-input";
import type { DestinationView } from "~/outbound/destinations.server";
import { OUTBOUND_EVENTS } from "~/outbound/outbound-events";
import { PRESET_IDS, PRESETS } from "~/outbound/presets";

/**
 * What the destination form sends: the shape only. createDestination and updateDestination judge the
 * values, and give back field errors keyed the same way ("headers.1.value", "payloadTemplate").
 */
export const destinationFormSchema = z.object({
  name: z.string(),
  url: z.string(),
  method: z.enum(DESTINATION_METHODS),
  headers: z.array(z.object({ name: z.string(), value: z.string(), secret: z.boolean() })).max(100),
  payloadTemplate: z.string(),
  preset: z.enum(PRESET_IDS).nullable(),
  events: z.array(z.enum(OUTBOUND_EVENTS)),
  followRedirects: z.boolean(),
  enabled: z.boolean(),
});

export type DestinationForm = z.infer<typeof destinationFormSchema>;
export type HeaderRow = DestinationForm["headers"][number];

/** A new destination starts from the generic preset, enabled, subscribed to nothing beyond its steps. */
export function newDestinationForm(): DestinationForm {
  return {
    name: "",
    url: "",
    method: "POST",
    headers: [],
    payloadTemplate: PRESETS.generic.template,
    preset: "generic",
    events: [],
    followRedirects: false,
    enabled: true,
  };
}

/** The stored destination as the form edits it; secret header values arrive masked and stay so unless replaced. */
export function destinationFormOf(destination: DestinationView): DestinationForm {
  return destinationFormSchema.parse({
    name: destination.name,
    url: destination.url,
    method: destination.method,
    headers: destination.headers.map(({ name, value, secret }) => ({ name, value, secret: secret ?? false })),
    payloadTemplate: destination.payloadTemplate,
    preset: destination.preset,
    events: destination.events,
    followRedirects: destination.followRedirects,
    enabled: destination.enabled,
  });
}
