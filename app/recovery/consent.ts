export interface ConsentFacts {
  acceptsEmailMarketing: boolean;
  emailConsentState: string | null;
}

/**
 * Email marketing consent as Shopify reports it: the box ticked at checkout, or the customer's
 * recorded consent being "subscribed". Anything else (pending double opt-in, unsubscribed, unknown)
 * is no consent.
 */
export function hasEmailMarketingConsent(checkout: ConsentFacts): boolean {
  return checkout.acceptsEmailMarketing || checkout.emailConsentState === "subscribed";
}
