import juice from "juice";

/**
 * Gmail's non-Google accounts and several webmail clients drop <style> blocks, so rules are copied onto
 * the elements. @media rules cannot be inlined and stay in a <style> block, for the mobile layout.
 * The synchronous juice() never fetches <link>ed stylesheets or images.
 */
export function inlineCss(html: string): string {
  return juice(html, { preserveMediaQueries: true, removeStyleTags: true, applyAttributesTableElements: true });
}
