/** Words of the shared layout that depend on the language; Liquid is allowed in each. */
export interface LayoutLabels {
  lang: string;
  /** One line under each product, inside `{% for line in cart.line_items %}`. */
  quantity: string;
  total: string;
  /** Footer HTML; must link to `{{ unsubscribe_url }}`. */
  footer: string;
}

/** What one email says, as HTML with Liquid: before the cart, on the button, and after it. */
export interface EmailCopy {
  heading: string;
  message: string;
  button: string;
  closing: string;
}

/**
 * The default recovery email: a 600px table layout with the cart, a button that is a padded link (whole
 * area clickable) inside a coloured cell (`mso-padding-alt` sizes it in Outlook, which ignores link padding),
 * and an unsubscribe footer. Styles sit in <style> for readability; rendering inlines them.
 */
export function defaultEmailHtml(labels: LayoutLabels, copy: EmailCopy): string {
  return `<!DOCTYPE html>
<html lang="${labels.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>{{ shop.name }}</title>
<style>
body { margin: 0; padding: 0; background-color: #f4f4f5; }
td { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, "Apple SD Gothic Neo", "Malgun Gothic", sans-serif; font-size: 16px; line-height: 24px; color: #1f2937; word-break: keep-all; }
.page { background-color: #f4f4f5; padding: 24px 0; }
.container { width: 600px; max-width: 600px; background-color: #ffffff; }
.shop { padding: 28px 32px 0; font-size: 14px; font-weight: bold; color: #6b7280; }
.content { padding: 8px 32px 32px; }
h1 { margin: 16px 0; font-size: 24px; line-height: 32px; color: #111827; }
p { margin: 0 0 16px; }
ul { margin: 0 0 16px; padding-left: 20px; }
li { margin: 0 0 4px; }
.cart { width: 100%; margin: 8px 0 24px; border-top: 1px solid #e5e7eb; }
.item-image, .item, .item-total { padding: 16px 0; vertical-align: top; border-bottom: 1px solid #e5e7eb; }
.item-image { width: 64px; padding-right: 16px; }
.item-image img { display: block; width: 64px; border: 0; border-radius: 4px; }
.item-title { font-weight: bold; }
.item-meta { font-size: 14px; line-height: 20px; color: #6b7280; }
.item-total { padding-left: 16px; text-align: right; white-space: nowrap; }
.total-label, .total-amount { padding-top: 16px; font-weight: bold; }
.total-amount { text-align: right; white-space: nowrap; }
.cta { margin: 0 0 24px; }
.button { border-radius: 6px; background-color: #111827; mso-padding-alt: 14px 28px; }
.button a { display: inline-block; padding: 14px 28px; border-radius: 6px; font-size: 16px; font-weight: bold; color: #ffffff; text-decoration: none; }
.footer { padding: 24px 32px; font-size: 12px; line-height: 18px; color: #6b7280; text-align: center; }
.footer a { color: #6b7280; text-decoration: underline; }
@media only screen and (max-width: 620px) {
  .page { padding: 0 !important; }
  .container { width: 100% !important; }
  .shop, .content, .footer { padding-left: 20px !important; padding-right: 20px !important; }
  .button a { display: block !important; text-align: center !important; }
}
</style>
</head>
<body>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td class="page" align="center">
<table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0">
<tr><td class="shop">{{ shop.name }}</td></tr>
<tr><td class="content">
<h1>${copy.heading}</h1>
${copy.message}
<table role="presentation" class="cart" cellpadding="0" cellspacing="0" border="0">
{% for line in cart.line_items %}
<tr>
{% if line.image_url != blank %}<td class="item-image"><img src="{{ line.image_url }}" alt="{{ line.title }}" width="64"></td>{% endif %}
<td class="item"{% if line.image_url == blank %} colspan="2"{% endif %}>
<div class="item-title">{{ line.title }}</div>
{% if line.variant_title != blank %}<div class="item-meta">{{ line.variant_title }}</div>{% endif %}
<div class="item-meta">${labels.quantity}</div>
</td>
<td class="item-total">{{ line.line_total }}</td>
</tr>
{% endfor %}
<tr>
<td class="total-label" colspan="2">${labels.total}</td>
<td class="total-amount">{{ cart.total }}</td>
</tr>
</table>
<table role="presentation" class="cta" cellpadding="0" cellspacing="0" border="0">
<tr><td class="button"><a href="{{ recovery_url }}" target="_blank">${copy.button}</a></td></tr>
</table>
${copy.closing}
</td></tr>
<tr><td class="footer">${labels.footer}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
