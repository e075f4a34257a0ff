import { SURVEY_REASONS } from "~/recovery/survey-reasons";
import { pick } from "./random";
import type { Shopper } from "./shoppers";

/** One thing a shopper does after an email arrives. */
export type Reaction =
  | { kind: "delivered" | "opened"; at: Date }
  | { kind: "click"; at: Date; url: string }
  | { kind: "order"; at: Date; clicked: boolean }
  | { kind: "unsubscribe"; at: Date; url: string }
  | { kind: "survey"; at: Date; url: string };

export interface ArrivedEmail {
  html: string;
  arrivedAt: Date;
  /** 1 for the shopper's first recovery email, 2 for the second… */
  number: number;
}

const MINUTE = 60_000;
const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);

/** The links of a recovery email that lead back to the app: recovery, unsubscribe and survey answers. */
export function appLinks(html: string, appOrigin: string) {
  const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&")).filter((href) => href.startsWith(appOrigin));
  const find = (prefix: string) => hrefs.filter((href) => href.startsWith(`${appOrigin}${prefix}`));
  return { recovery: find("/r/")[0] ?? null, unsubscribe: find("/u/")[0] ?? null, survey: find("/s/") };
}

/**
 * What the shopper does about the email: it is delivered, sometimes opened, and the shopper's persona
 * decides the rest: click and buy, buy without clicking, unsubscribe, or (at the last call) say why not.
 */
export function reactionsTo(shopper: Shopper, email: ArrivedEmail, appOrigin: string, random: () => number): Reaction[] {
  const { persona } = shopper;
  const links = appLinks(email.html, appOrigin);
  const reactions: Reaction[] = [{ kind: "delivered", at: later(email.arrivedAt, 1) }];
  if (random() < 0.6) reactions.push({ kind: "opened", at: later(email.arrivedAt, 30 + Math.floor(random() * 150)) });

  if (persona.kind === "recovers" && persona.afterEmail === email.number && links.recovery) {
    reactions.push({ kind: "click", at: later(email.arrivedAt, 20), url: links.recovery }, { kind: "order", at: later(email.arrivedAt, 35), clicked: true });
  } else if (persona.kind === "buys_unprompted" && email.number === 1) {
    reactions.push({ kind: "order", at: later(email.arrivedAt, 180), clicked: false });
  } else if (persona.kind === "unsubscribes" && email.number === 1 && links.unsubscribe) {
    reactions.push({ kind: "unsubscribe", at: later(email.arrivedAt, 10), url: links.unsubscribe });
  } else if (persona.kind === "ignores" && links.survey.length > 0 && random() < 0.35) {
    const reason = pick(random, SURVEY_REASONS);
    const url = links.survey.find((href) => href.endsWith(`reason=${reason}`));
    if (url) reactions.push({ kind: "survey", at: later(email.arrivedAt, 60), url });
  }
  return reactions;
}
