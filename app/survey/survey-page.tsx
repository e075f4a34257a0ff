import { renderToStaticMarkup } from "react-dom/server";
import { MAX_COMMENT_LENGTH } from "./survey-comment";

/** The page a shopper sees after answering the survey: thanks, and for "other" a box to say more. */
export interface SurveyPage {
  heading: string;
  message: string;
  /** A text box whose form posts back to the page's own address. */
  comment?: { label: string; button: string };
  link?: { href: string; label: string };
}

// The same posture as the other link pages: nothing loaded from elsewhere, the token in the address
// kept out of Referer headers, nothing cached or indexed.
const HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
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

export function surveyPageResponse(page: SurveyPage): Response {
  return new Response(`<!DOCTYPE html>${renderToStaticMarkup(<Page {...page} />)}`, { status: 200, headers: HEADERS });
}

function Page({ heading, message, comment, link }: SurveyPage) {
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
          {comment && (
            <form method="post">
              <label htmlFor="comment">{comment.label}</label>
              <textarea id="comment" name="comment" maxLength={MAX_COMMENT_LENGTH} />
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
