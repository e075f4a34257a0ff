/**
 * Starting points for a destination's payload template, one per kind of tool merchants connect.
 * A preset fills the template once; the merchant may then edit it, and the preset name stays to say
 * what the destination is for (an SMS or WhatsApp destination needs a phone and SMS consent).
 */
export const PRESET_IDS = ["generic", "crm", "sms", "whatsapp", "zapier", "make"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface DestinationRequirements {
  phone: boolean;
  smsConsent: boolean;
}

export interface Preset {
  id: PresetId;
  label: string;
  description: string;
  template: string;
  requirements: DestinationRequirements;
}

const GENERIC = `{
  "type": {{ event_type | json }},
  "timestamp": {{ occurred_at | json }},
  "data": {
    "shop": {{ shop | json }},
    "checkout": {{ checkout | json }},
    "customer": {{ customer | json }},
    "recovery_url": {{ recovery_url | json }},
    "step": {{ step.number | json }},
    "discount": {{ discount | json }}
  }
}`;

const CRM = `{
  "event": {{ event_type | json }},
  "occurred_at": {{ occurred_at | json }},
  "contact": {
    "email": {{ customer.email | json }},
    "phone": {{ customer.phone | json }},
    "first_name": {{ customer.first_name | json }},
    "last_name": {{ customer.last_name | json }},
    "locale": {{ customer.locale | json }},
    "country": {{ customer.country | json }},
    "email_marketing_consent": {{ customer.accepts_email_marketing | json }},
    "sms_marketing_consent": {{ customer.accepts_sms_marketing | json }}
  },
  "deal": {
    "external_id": {{ "shopify-checkout-" | append: checkout.token | json }},
    "name": {{ "Abandoned checkout " | append: checkout.total_formatted | json }},
    "stage": {% if event_type == "checkout.recovered" %}"won"{% else %}"open"{% endif %},
    "amount": {{ checkout.total | json }},
    "currency": {{ checkout.currency | json }},
    "recovery_url": {{ recovery_url | json }},
    "discount_code": {{ discount.code | json }},
    "line_items": [{% for line in checkout.line_items %}
      { "sku": {{ line.sku | json }}, "name": {{ line.title | json }}, "variant": {{ line.variant_title | json }}, "quantity": {{ line.quantity | json }}, "price": {{ line.price | json }} }{% unless forloop.last %},{% endunless %}{% endfor %}
    ]
  }
}`;

const SMS = `{% capture body %}{% if customer.first_name != "" %}Hi {{ customer.first_name }}, you{% else %}You{% endif %} left something in your cart at {{ shop.name }}.{% if discount.code != "" %} Use code {{ discount.code }} for {{ discount.value_formatted }} off.{% endif %} Complete your order: {{ recovery_url }} Reply STOP to opt out.{% endcapture %}{
  "to": {{ customer.phone | json }},
  "body": {{ body | json }}
}`;

// The WhatsApp template must be approved in Meta's manager with three body variables (name, shop,
// total) and a URL button whose URL ends in {{1}}: set it to this app's URL followed by /{{1}}, and
// the language code below to one the template was approved in.
const WHATSAPP = `{
  "messaging_product": "whatsapp",
  "recipient_type": "individual",
  "to": {{ customer.phone | json }},
  "type": "template",
  "template": {
    "name": "abandoned_cart_reminder",
    "language": { "code": "en" },
    "components": [
      {
        "type": "body",
        "parameters": [
          { "type": "text", "text": {{ customer.first_name | default: "there" | json }} },
          { "type": "text", "text": {{ shop.name | json }} },
          { "type": "text", "text": {{ checkout.total_formatted | json }} }
        ]
      },
      {
        "type": "button",
        "sub_type": "url",
        "index": "0",
        "parameters": [{ "type": "text", "text": {{ recovery_path | json }} }]
      }
    ]
  }
}`;

// Zapier's and Make's catch hooks map top-level fields best, so everything is one level deep.
const CATCH_HOOK = `{% capture items %}{% for line in checkout.line_items %}{{ line.quantity }} × {{ line.title }}{% if line.variant_title != "" %} ({{ line.variant_title }}){% endif %}{% unless forloop.last %}, {% endunless %}{% endfor %}{% endcapture %}{% capture first_item_title %}{% for line in checkout.line_items limit: 1 %}{{ line.title }}{% endfor %}{% endcapture %}{% capture first_item_image_url %}{% for line in checkout.line_items limit: 1 %}{{ line.image_url }}{% endfor %}{% endcapture %}{
  "event": {{ event_type | json }},
  "occurred_at": {{ occurred_at | json }},
  "shop_domain": {{ shop.domain | json }},
  "shop_name": {{ shop.name | json }},
  "checkout_id": {{ checkout.id | json }},
  "checkout_token": {{ checkout.token | json }},
  "checkout_status": {{ checkout.status | json }},
  "checkout_created_at": {{ checkout.created_at | json }},
  "currency": {{ checkout.currency | json }},
  "subtotal": {{ checkout.subtotal | json }},
  "total": {{ checkout.total | json }},
  "total_formatted": {{ checkout.total_formatted | json }},
  "item_count": {{ checkout.item_count | json }},
  "items": {{ items | json }},
  "first_item_title": {{ first_item_title | json }},
  "first_item_image_url": {{ first_item_image_url | json }},
  "customer_first_name": {{ customer.first_name | json }},
  "customer_last_name": {{ customer.last_name | json }},
  "customer_email": {{ customer.email | json }},
  "customer_phone": {{ customer.phone | json }},
  "customer_locale": {{ customer.locale | json }},
  "customer_country": {{ customer.country | json }},
  "accepts_email_marketing": {{ customer.accepts_email_marketing | json }},
  "accepts_sms_marketing": {{ customer.accepts_sms_marketing | json }},
  "recovery_url": {{ recovery_url | json }},
  "step": {{ step.number | json }},
  "discount_code": {{ discount.code | json }},
  "discount_value": {{ discount.value_formatted | json }},
  "discount_ends_at": {{ discount.ends_at | json }}
}`;

const ANY_SHOPPER: DestinationRequirements = { phone: false, smsConsent: false };
const TEXTABLE_SHOPPER: DestinationRequirements = { phone: true, smsConsent: true };

export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  generic: { id: "generic", label: "Generic JSON event", description: "The whole event as one JSON document.", template: GENERIC, requirements: ANY_SHOPPER },
  crm: { id: "crm", label: "CRM", description: "Creates or updates a contact and a deal for the cart.", template: CRM, requirements: ANY_SHOPPER },
  sms: { id: "sms", label: "SMS provider", description: "A text message with the recovery link, for an SMS gateway.", template: SMS, requirements: TEXTABLE_SHOPPER },
  whatsapp: {
    id: "whatsapp",
    label: "WhatsApp (Cloud API)",
    description: "An approved WhatsApp template message with a button to the cart.",
    template: WHATSAPP,
    requirements: TEXTABLE_SHOPPER,
  },
  zapier: { id: "zapier", label: "Zapier", description: "Flat fields for a Zapier catch hook.", template: CATCH_HOOK, requirements: ANY_SHOPPER },
  make: { id: "make", label: "Make", description: "Flat fields for a Make custom webhook.", template: CATCH_HOOK, requirements: ANY_SHOPPER },
};

function isPresetId(value: unknown): value is PresetId {
  return (PRESET_IDS as readonly unknown[]).includes(value);
}

/**
 * What a shopper must have for the destination's message to make sense: the sequencer skips the step
 * (no_phone, no_sms_consent) otherwise. Messaging presets text the shopper, so they need a phone
 * number usable in E.164 (the payload's customer.phone) and SMS marketing consent.
 */
export function destinationRequirements(destination: { preset: string | null }): DestinationRequirements {
  return isPresetId(destination.preset) ? PRESETS[destination.preset].requirements : ANY_SHOPPER;
}
