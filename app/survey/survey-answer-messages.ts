import { defineMessages } from "~/i18n/messages";
import type { SurveyReason } from "~/recovery/survey-reasons";

/** The shopper's own answer, as the last email offered it. */
export const surveyAnswerMessages = defineMessages<SurveyReason>({
  en: {
    shipping_cost: "Shipping cost more than I expected",
    price: "The price was more than I wanted to pay",
    just_browsing: "I was just looking around",
    payment_problem: "I had trouble paying",
    other: "Something else",
  },
  ko: {
    shipping_cost: "배송비가 생각보다 많이 나왔어요",
    price: "가격이 조금 부담스러웠어요",
    just_browsing: "그냥 둘러보는 중이었어요",
    payment_problem: "결제하다가 문제가 생겼어요",
    other: "다른 이유가 있어요",
  },
});
