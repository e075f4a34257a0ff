import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

// Shopify opens the app with ?shop=…; anyone else gets the login form.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  throw redirect(url.searchParams.has("shop") ? `/app${url.search}` : "/auth/login");
};
