import { renderToStaticMarkup } from "react-dom/server";
import type { LinkShop } from "./open-link.server";

/** One of the small pages a shopper sees after following a link from an email. */
export interface LinkPage {
  heading: string;
  message: string;
  link?: { href: string; label: string };
  /** Label of a button that posts back to the page's own address. */
  confirm?: string;
  /** A text box whose form posts back to the page's own address, as `comment`. */
  comment?: { label: string; button: string; maxLength: number };
}

const HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  // The address holds the link's token, which must not travel on to the shop in a Referer header.
  "Referrer-Policy": "no-referrer",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "X-Robots-Tag": "noindex",
};

// No quotes or angle brackets: React escapes the text of a <style> element like any other.
const STYLE = `
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, Segoe UI, sans-serif; color: #1a1a1a; background: #f6f6f7; }
  main { max-width: 32rem; margin: 4rem auto; padding: 2rem; background: #fff; border-radius: 12px; }
  h1 { font-size: 1.375rem; line-height: 1.3; margin: 0 0 1rem; }
  label { display: block; font-weight: 600; margin: 0 0 0.5rem; }
  textarea { box-sizing: border-box; width: 100%; min-height: 7rem; margin: 0 0 1rem; padding: 0.5rem; font: inherit; border: 1px solid #8a8a8a; border-radius: 8px; }
  a { color: #005bd3; }
  button { font: inherit; font-weight: 600; padding: 0.625rem 1.25rem; border: 0; border-radius: 8px; color: #fff; background: #1a1a1a; cursor: pointer; }
  a:focus-visible, button:focus-visible, textarea:focus-visible { outline: 3px solid #005bd3; outline-offset: 2px; }
`;

export function linkPageResponse(status: number, page: LinkPage): Response {
  return new Response(`<!DOCTYPE html>${renderToStaticMarkup(<Page {...page} />)}`, { status, headers: HEADERS });
}

export function visitShopLink(shop: LinkShop): LinkPage["link"] {
  return { href: shop.storefrontUrl, label: `Visit ${shop.name}` };
}

export const linkNotFoundPage: LinkPage = {
  heading: "This link doesn’t work",
  message: "It may be incomplete. Check that you opened the whole link from the email.",
};

function Page({ heading, message, link, confirm, comment }: LinkPage) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{heading}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <main>
          <h1>{heading}</h1>
          <p>{message}</p>
          {confirm && (
            <form method="post">
              <button type="submit">{confirm}</button>
            </form>
          )}
          {comment && (
            <form method="post">
              <label htmlFor="comment">{comment.label}</label>
              <textarea id="comment" name="comment" maxLength={comment.maxLength} />
              <button type="submit">{comment.button}</button>
            </form>
          )}
          {link && (
            <p>
              <a href={link.href}>{link.label}</a>
            </p>
          )}
        </main>
      </body>
    </html>
  );
}
