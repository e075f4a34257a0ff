import type { EmailSender } from "~/email/email-sender";
import { forEachConcurrently } from "~/lib/concurrently";
import { buildTemplateContext } from "~/templates/context";
import { renderEmail } from "~/templates/render";
import type { TemplateSource } from "~/templates/template-context";
import { SAMPLE_CHECKOUT, SAMPLE_SHOP } from "~/checkouts/sample-checkout";

/**
 * The least any email step has to do, with no database at all: render the template for a cart and hand
 * it to the provider, `count` times with `concurrency` in flight (the sequencer's own). Returns the seconds taken.
 */
export async function sendBareEmails(sender: EmailSender, source: TemplateSource, count: number, concurrency: number): Promise<number> {
  const started = performance.now();
  await forEachConcurrently(Array.from({ length: count }, (_, index) => index), concurrency, async (index) => {
    const links = { recoveryUrl: `https://${SAMPLE_SHOP.domain}/r/bare-${index}`, unsubscribeUrl: `https://comeback.example/u/bare-${index}` };
    const context = buildTemplateContext({ shop: SAMPLE_SHOP, checkout: { ...SAMPLE_CHECKOUT, firstName: `Ann ${index}` }, links, stepNumber: 1, discount: null });
    const rendered = await renderEmail(source, context);
    const result = await sender.send({
      to: { email: `bare-${index}@example.com` },
      from: { email: "hello@bench-outfitters.example", name: "Bench Outfitters" },
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      unsubscribeUrl: links.unsubscribeUrl,
      categories: ["comeback", "bench"],
      customArgs: { step_run_id: `bare-${index}` },
    });
    if (result.status !== "sent") throw new Error(`The bare send failed: ${result.status}`);
  });
  return (performance.now() - started) / 1000;
}
