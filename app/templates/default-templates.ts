import { defaultEmailHtml, type EmailCopy, type LayoutLabels } from "~/templates/default-layout";
import type { TemplateSource } from "~/templates/template-context";

export type DefaultTemplateKey = "reminder" | "second_reminder" | "last_call";
export type DefaultLocale = "en" | "ko";

export interface DefaultTemplate {
  key: DefaultTemplateKey;
  name: string;
  contents: Record<DefaultLocale, TemplateSource>;
}

interface Copy extends EmailCopy {
  subject: string;
  preheader: string;
}

const LABELS: Record<DefaultLocale, LayoutLabels> = {
  en: {
    lang: "en",
    quantity: "Quantity: {{ line.quantity }} · {{ line.price }} each",
    total: "Total",
    footer: `You're receiving this email because you started a checkout at {{ shop.name }}.<br>
<a href="{{ unsubscribe_url }}">Unsubscribe</a> from these reminders.`,
  },
  ko: {
    lang: "ko",
    quantity: "수량 {{ line.quantity }}개 · 개당 {{ line.price }}",
    total: "합계",
    footer: `{{ shop.name }}에서 주문을 진행하다 멈추셔서 보내 드리는 안내 메일이에요.<br>
더 이상 받고 싶지 않으시면 <a href="{{ unsubscribe_url }}">수신 거부</a>를 눌러 주세요.`,
  },
};

const SIGN_OFF: Record<DefaultLocale, string> = {
  en: "<p>Thanks,<br>{{ shop.name }}</p>",
  ko: "<p>감사합니다.<br>{{ shop.name }} 드림</p>",
};

const GREETING: Record<DefaultLocale, string> = {
  en: `<p>Hi {{ customer.first_name | default: "there" }},</p>`,
  ko: `<p>{{ customer.first_name | default: "고객" }}님, 안녕하세요.</p>`,
};

// Korean law (정보통신망법 제50조) asks advertising email to start its subject with "(광고)"; a merchant
// whose messages count as transactional can remove it.
const COPY: Record<DefaultTemplateKey, Record<DefaultLocale, Copy>> = {
  reminder: {
    en: {
      subject: `{{ customer.first_name | default: "Hey" }}, you left something in your cart`,
      preheader: "We saved your cart at {{ shop.name }} so you can pick up where you left off.",
      heading: "You left something behind",
      message: `${GREETING.en}
<p>Looks like you didn't get to finish checking out. No worries: we've saved your cart, so you can pick up right where you left off.</p>`,
      button: "Return to my cart",
      closing: `<p>Questions about an item, shipping or returns? Just reply to this email and we'll be happy to help.</p>
${SIGN_OFF.en}`,
    },
    ko: {
      subject: `(광고) {{ customer.first_name | default: "고객" }}님, 장바구니에 담아 두신 상품이 있어요`,
      preheader: "{{ shop.name }}에서 고르신 상품을 장바구니에 그대로 저장해 두었어요.",
      heading: "장바구니에 상품이 남아 있어요",
      message: `${GREETING.ko}
<p>아직 주문을 마치지 못하신 것 같아요. 장바구니는 그대로 저장해 두었으니, 멈추신 곳에서 바로 이어서 주문하실 수 있어요.</p>`,
      button: "장바구니로 돌아가기",
      closing: `<p>상품이나 배송, 교환·반품에 대해 궁금한 점이 있으시면 이 메일에 답장해 주세요. 기꺼이 도와드릴게요.</p>
${SIGN_OFF.ko}`,
    },
  },
  second_reminder: {
    en: {
      subject: "Your cart is still waiting for you",
      preheader: "Your picks from {{ shop.name }} are still saved, whenever you're ready.",
      heading: "Still thinking it over?",
      message: `${GREETING.en}
<p>Your cart at {{ shop.name }} is still saved. If something held you back, like a question about sizing, shipping or returns, reply to this email and we'll sort it out.</p>`,
      button: "Complete my order",
      closing: SIGN_OFF.en,
    },
    ko: {
      subject: "(광고) 장바구니가 아직 기다리고 있어요",
      preheader: "{{ shop.name }}에서 고르신 상품이 장바구니에 그대로 있어요. 준비되시면 언제든 주문하실 수 있어요.",
      heading: "아직 고민 중이신가요?",
      message: `${GREETING.ko}
<p>{{ shop.name }} 장바구니에 고르신 상품이 그대로 담겨 있어요. 사이즈나 배송, 교환·반품처럼 망설여지는 부분이 있으시면 이 메일에 답장해 주세요. 빠르게 안내해 드릴게요.</p>`,
      button: "주문 완료하기",
      closing: SIGN_OFF.ko,
    },
  },
  last_call: {
    en: {
      subject: "A last reminder about your cart, and a quick question",
      preheader: "This is our last note about your cart. Mind telling us, in one click, what held you back?",
      heading: "One last reminder",
      message: `${GREETING.en}
<p>This is the last time we'll write about your cart. If you'd still like these items, you can complete your order in one click.</p>`,
      button: "Complete my order",
      closing: `<p>And if you decided not to buy, would you tell us why? One click on the answer that fits is all it takes:</p>
<ul>
<li><a href="{{ survey.shipping_cost }}">Shipping cost more than I expected</a></li>
<li><a href="{{ survey.price }}">The price was more than I wanted to pay</a></li>
<li><a href="{{ survey.just_browsing }}">I was just looking around</a></li>
<li><a href="{{ survey.payment_problem }}">I had trouble paying</a></li>
<li><a href="{{ survey.other }}">Something else</a></li>
</ul>
<p>Every answer helps us do better.</p>
${SIGN_OFF.en}`,
    },
    ko: {
      subject: "(광고) 장바구니 마지막 안내와 짧은 질문 하나",
      preheader: "장바구니에 대해 드리는 마지막 안내예요. 망설이신 이유를 클릭 한 번으로 알려 주시겠어요?",
      heading: "마지막으로 안내드려요",
      message: `${GREETING.ko}
<p>장바구니에 대해 드리는 마지막 안내예요. 아직 마음에 두고 계시다면 아래 버튼을 눌러 바로 주문을 마치실 수 있어요.</p>`,
      button: "주문 완료하기",
      closing: `<p>혹시 구매하지 않기로 하셨다면 그 이유를 알려 주시겠어요? 아래에서 맞는 답을 한 번만 눌러 주시면 돼요.</p>
<ul>
<li><a href="{{ survey.shipping_cost }}">배송비가 생각보다 많이 나왔어요</a></li>
<li><a href="{{ survey.price }}">가격이 조금 부담스러웠어요</a></li>
<li><a href="{{ survey.just_browsing }}">그냥 둘러보는 중이었어요</a></li>
<li><a href="{{ survey.payment_problem }}">결제하다가 문제가 생겼어요</a></li>
<li><a href="{{ survey.other }}">다른 이유가 있어요</a></li>
</ul>
<p>알려 주신 답은 더 나은 쇼핑 경험을 만드는 데 소중히 참고할게요.</p>
${SIGN_OFF.ko}`,
    },
  },
};

function source(key: DefaultTemplateKey, locale: DefaultLocale): TemplateSource {
  const { subject, preheader, ...copy } = COPY[key][locale];
  return { subject, preheader, html: defaultEmailHtml(LABELS[locale], copy), text: null };
}

function template(key: DefaultTemplateKey, name: string): DefaultTemplate {
  return { key, name, contents: { en: source(key, "en"), ko: source(key, "ko") } };
}

/** The default sequence's templates, in step order: 1 hour, 24 hours and 72 hours after abandonment. */
export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  template("reminder", "Reminder (1 hour)"),
  template("second_reminder", "Second reminder (24 hours)"),
  template("last_call", "Last call (72 hours)"),
];
