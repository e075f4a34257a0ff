/** What a correct app must answer a case: "rejected" when no correct app may accept it, null when either answer is right. */
export type Verdict = "accepted" | "rejected" | null;

export interface Mutation {
  /** The family, for checking every kind of damage was tried. */
  kind: string;
  /** What exactly was done, for the failure message. */
  description: string;
  verdict: Exclude<Verdict, "accepted">;
}

/** Shortens huge values in failure messages. */
export function abbreviated(text: string, length = 60): string {
  return text.length <= length ? text : `${text.slice(0, length)}… (${text.length} characters)`;
}
