import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db/client.server";
import { followRecoveryLink } from "~/links/follow-recovery-link.server";
import { linkNotFoundPage, linkPageResponse, visitShopLink } from "~/links/link-page";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  // Remix answers HEAD through the loader; scanners probing the link are not the shopper clicking it.
  const outcome = await followRecoveryLink(db, params.token ?? "", { now: new Date(), isClick: request.method === "GET" });
  switch (outcome.status) {
    case "redirect":
      return new Response(null, {
        status: 302,
        headers: { Location: outcome.location, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
      });
    case "expired":
      return linkPageResponse(410, {
        heading: "This link has expired",
        message: `The cart it saved may be gone, but ${outcome.shop.name} is still open.`,
        link: visitShopLink(outcome.shop),
      });
    case "invalid":
      return linkPageResponse(404, linkNotFoundPage);
  }
};
