import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isbot } from "isbot";
import { db } from "~/db/client.server";
import { linkNotFoundPage, linkPageResponse, visitShopLink } from "~/links/link-page";
import { answerSurvey, commentOnSurvey, type SurveyOutcome } from "~/survey/answer-survey.server";
import { MAX_COMMENT_LENGTH } from "~/survey/survey-comment";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const reason = new URL(request.url).searchParams.get("reason") ?? "";
  // Remix answers HEAD through the loader. Neither a HEAD nor a known crawler fetching every link of the
  // email is the shopper choosing one answer.
  const isAnswer = request.method === "GET" && !isbot(request.headers.get("User-Agent"));
  return respond(await answerSurvey(db, params.token ?? "", reason, { now: new Date(), isAnswer }));
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const form = await request.formData().catch(() => null);
  const comment = form?.get("comment");
  return respond(await commentOnSurvey(db, params.token ?? "", typeof comment === "string" ? comment : "", new Date()));
};

function respond(outcome: SurveyOutcome): Response {
  switch (outcome.status) {
    case "answered":
      return linkPageResponse(200, {
        heading: "Thanks for letting us know",
        message: `Your answer helps ${outcome.shop.name} do better.`,
        ...(outcome.reason === "other" && {
          comment: { label: `Anything you’d like to tell ${outcome.shop.name}?`, button: "Send", maxLength: MAX_COMMENT_LENGTH },
        }),
        link: visitShopLink(outcome.shop),
      });
    case "commented":
      return linkPageResponse(200, {
        heading: "Thank you",
        message: `${outcome.shop.name} will read what you wrote.`,
        link: visitShopLink(outcome.shop),
      });
    case "unknown_reason":
      return linkPageResponse(400, {
        heading: "We didn’t catch that answer",
        message: `Please choose one of the answers in the email from ${outcome.shop.name}.`,
        link: visitShopLink(outcome.shop),
      });
    case "expired":
      return linkPageResponse(410, {
        heading: "This survey has closed",
        message: `Thanks all the same for thinking of ${outcome.shop.name}.`,
        link: visitShopLink(outcome.shop),
      });
    case "invalid":
      return linkPageResponse(404, linkNotFoundPage);
  }
}
