import { config } from "~/config.server";
import { signLinkToken } from "./link-token.server";

export interface MessageLinks {
  recoveryUrl: string;
  unsubscribeUrl: string;
}

/** The signed links one message carries; lifetimes count from `now`, the moment it is rendered. */
export function messageLinks(stepRunId: number, now: Date): MessageLinks {
  return {
    recoveryUrl: `${config.appUrl}/r/${signLinkToken("recover", stepRunId, now)}`,
    unsubscribeUrl: `${config.appUrl}/u/${signLinkToken("unsubscribe", stepRunId, now)}`,
  };
}
