import { defineMessages } from "~/i18n/messages";

/**
 * The variables of template-context.ts, one line each, for the editor's reference. `line.*` are the
 * fields of each cart line inside `{% for line in cart.line_items %}`.
 */
export const liquidVariableMessages = defineMessages({
  en: {
    "shop.name": "Your shop's name",
    "shop.domain": "Your shop's myshopify.com domain",
    "shop.currency": "Your shop's currency code, like USD",
    "customer.first_name": "The shopper's first name; empty when unknown (use | default: \"there\")",
    "customer.last_name": "The shopper's last name",
    "customer.email": "The shopper's email address",
    "cart.line_items": "The cart's lines, to loop over with {% for line in cart.line_items %}",
    "line.title": "The product's title",
    "line.variant_title": "The variant, like \"Blue / M\"; empty for single-variant products",
    "line.quantity": "How many the shopper chose",
    "line.price": "The price of one, formatted in the checkout's currency",
    "line.line_total": "Price times quantity, formatted",
    "line.image_url": "The product image's URL; empty when there is none",
    "cart.item_count": "The number of items, all lines together",
    "cart.subtotal": "The subtotal, formatted",
    "cart.total": "The total with taxes and shipping, formatted",
    "cart.currency": "The checkout's currency code",
    recovery_url: "The link back to the checkout, tracked and signed",
    unsubscribe_url: "The unsubscribe link every email must contain",
    "step.number": "This step's position in the sequence: 1, 2, 3…",
    "discount.code": "The step's unique discount code; empty when it offers none",
    "discount.value": "The discount, like \"15%\" or \"$10.00\"",
    "discount.ends_at": "When the code expires, as a date and time",
    "survey.shipping_cost": "One-click survey answer: shipping cost too high",
    "survey.price": "One-click survey answer: price too high",
    "survey.just_browsing": "One-click survey answer: just looking",
    "survey.payment_problem": "One-click survey answer: trouble paying",
    "survey.other": "One-click survey answer: something else",
  },
  ko: {
    "shop.name": "스토어 이름",
    "shop.domain": "스토어의 myshopify.com 도메인",
    "shop.currency": "스토어 통화 코드(예: USD)",
    "customer.first_name": "쇼핑객의 이름. 모르면 비어 있어요(| default: \"고객\"을 붙여 쓰세요)",
    "customer.last_name": "쇼핑객의 성",
    "customer.email": "쇼핑객의 이메일 주소",
    "cart.line_items": "장바구니 상품 목록. {% for line in cart.line_items %}로 반복해요",
    "line.title": "상품명",
    "line.variant_title": "옵션(예: \"Blue / M\"). 옵션이 없는 상품이면 비어 있어요",
    "line.quantity": "쇼핑객이 고른 수량",
    "line.price": "개당 가격(결제 통화로 형식 적용)",
    "line.line_total": "가격 × 수량(형식 적용)",
    "line.image_url": "상품 이미지 URL. 없으면 비어 있어요",
    "cart.item_count": "전체 상품 개수",
    "cart.subtotal": "소계(형식 적용)",
    "cart.total": "세금과 배송비를 포함한 합계(형식 적용)",
    "cart.currency": "결제 통화 코드",
    recovery_url: "결제로 돌아가는 링크(서명되고 클릭이 기록돼요)",
    unsubscribe_url: "모든 이메일에 꼭 들어가야 하는 수신 거부 링크",
    "step.number": "시퀀스에서 이 단계의 순서: 1, 2, 3…",
    "discount.code": "이 단계의 고유 할인 코드. 할인이 없으면 비어 있어요",
    "discount.value": "할인 내용(예: \"15%\", \"$10.00\")",
    "discount.ends_at": "코드가 만료되는 날짜와 시간",
    "survey.shipping_cost": "원클릭 설문 답변: 배송비가 비싸요",
    "survey.price": "원클릭 설문 답변: 가격이 부담돼요",
    "survey.just_browsing": "원클릭 설문 답변: 둘러보는 중이었어요",
    "survey.payment_problem": "원클릭 설문 답변: 결제에 문제가 있었어요",
    "survey.other": "원클릭 설문 답변: 다른 이유",
  },
});

export type LiquidVariable = keyof (typeof liquidVariableMessages)["en"];

export const LIQUID_VARIABLES = Object.keys(liquidVariableMessages.en) as LiquidVariable[];
