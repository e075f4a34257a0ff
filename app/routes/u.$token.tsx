import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db/client.server";
import { linkNotFoundPage, linkPageResponse, visitShopLink, type LinkPage } from "~/links/link-page";
import { checkUnsubscribeLink, unsubscribeThroughLink, type UnsubscribeLinkOutcome } from "~/links/unsubscribe-link.server";

export const loader = async ({ params }: LoaderFunctionArgs) => {
  const outcome = await checkUnsubscribeLink(db, params.token ?? "", new Date());
  return respond(outcome, (shop) => ({
    heading: `Unsubscribe from ${shop}’s cart reminders?`,
    message: `You will get no more emails from ${shop} about carts you leave behind.`,
    confirm: "Unsubscribe",
  }));
};

// The body is not read: RFC 8058's one-click POST and the page's own button mean the same thing, and
// mail scanners never POST.
export const action = async ({ params }: ActionFunctionArgs) => {
  const outcome = await unsubscribeThroughLink(db, params.token ?? "", new Date());
  return respond(outcome, (shop) => ({
    heading: "You’re unsubscribed",
    message: `${shop} will send you no more cart reminders.`,
  }));
};

function respond(outcome: UnsubscribeLinkOutcome, page: (shop: string) => LinkPage): Response {
  switch (outcome.status) {
    case "valid":
      return linkPageResponse(200, { ...page(outcome.shop.name), link: visitShopLink(outcome.shop) });
    case "expired":
      return linkPageResponse(410, {
        heading: "This unsubscribe link has expired",
        message: `Every email from ${outcome.shop.name} has an unsubscribe link of its own: use the one in the newest.`,
        link: visitShopLink(outcome.shop),
      });
    case "invalid":
      return linkPageResponse(404, linkNotFoundPage);
  }
}
