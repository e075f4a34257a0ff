const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What became of a stored checkout, in the proportions of a busy shop. */
export type Fate = "completed" | "abandoned" | "recovered" | "open" | "no_contact";

export interface CheckoutStory {
  fate: Fate;
  createdAt: Date;
  updatedAt: Date;
  /** Abandoned (and possibly recovered later), once the 10-minute threshold passed. */
  abandonedAt: Date | null;
  completedAt: Date | null;
  /** Still waiting for its abandonment check: updated less than 10 minutes ago. */
  abandonCheckAt: Date | null;
  totalMinor: number;
  holdout: boolean;
}

export interface HistoryWindow {
  now: Date;
  days: number;
  abandonmentMinutes: number;
  holdoutPercent: number;
}

/**
 * The `index`th of `count` checkouts spread evenly over the window, oldest first: 55 % bought
 * straight away, 30 % abandoned, 10 % abandoned then recovered within three days, 5 % without any
 * contact (never abandoned). A contactable checkout updated less than the threshold ago is still open,
 * waiting for its abandonment check.
 */
export function checkoutStory(index: number, count: number, window: HistoryWindow, random: () => number): CheckoutStory {
  const start = window.now.getTime() - window.days * DAY;
  const createdAt = new Date(start + Math.floor(((index + 0.5) / count) * window.days * DAY));
  const updatedAt = new Date(createdAt.getTime() + 3 * MINUTE);
  const roll = random();
  const story: CheckoutStory = {
    fate: roll < 0.55 ? "completed" : roll < 0.85 ? "abandoned" : roll < 0.95 ? "recovered" : "no_contact",
    createdAt,
    updatedAt,
    abandonedAt: null,
    completedAt: null,
    abandonCheckAt: null,
    totalMinor: 2_000 + Math.floor(random() * 38_000),
    holdout: random() * 100 < window.holdoutPercent,
  };
  if (story.fate === "completed") return { ...story, completedAt: new Date(updatedAt.getTime() + 2 * MINUTE) };
  if (story.fate === "no_contact") return story;

  const checkAt = new Date(updatedAt.getTime() + window.abandonmentMinutes * MINUTE);
  if (checkAt > window.now) return { ...story, fate: "open", abandonCheckAt: checkAt };
  const completedAt = new Date(checkAt.getTime() + HOUR + Math.floor(random() * 3 * DAY));
  if (story.fate === "recovered" && completedAt < window.now) return { ...story, abandonedAt: checkAt, completedAt };
  return { ...story, fate: "abandoned", abandonedAt: checkAt };
}
