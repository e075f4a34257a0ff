import juice from "juice";
import { LruCache } from "~/templates/lru-cache";

// juice already sets `{{ … }}` aside as a code block; Liquid's tags are set aside the same way, so a
// template's source can be inlined with its Liquid untouched. juice keeps this list module-wide.
juice.codeBlocks.LIQUID_TAG = { start: "{%", end: "%}" };

/**
 * Gmail's non-Google accounts and several webmail clients drop <style> blocks, so rules are copied onto
 * the elements. @media rules cannot be inlined and stay in a <style> block, for the mobile layout.
 * The synchronous juice() never fetches <link>ed stylesheets or images.
 */
export function inlineCss(html: string): string {
  return juice(html, { preserveMediaQueries: true, removeStyleTags: true, applyAttributesTableElements: true });
}

const inlinedSources = new LruCache<string, string>(200);

/**
 * A template's HTML source with its CSS inlined, Liquid and all, computed once per source: inlining
 * parses the stylesheet and the document, several times the cost of rendering the Liquid, and a
 * template is sent thousands of times between edits. Every element a rule can match is in the source,
 * since Liquid outputs are escaped text.
 */
export function inlineTemplateCss(source: string): string {
  let inlined = inlinedSources.get(source);
  if (inlined === undefined) {
    inlined = inlineCss(source);
    inlinedSources.set(source, inlined);
  }
  return inlined;
}
