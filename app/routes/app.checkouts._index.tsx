import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CheckoutListPage } from "~/checkouts-admin/checkout-list-page";
import { listCheckouts } from "~/checkouts-admin/list-checkouts.server";
import { readListQuery } from "~/checkouts-admin/list-query";
import { db } from "~/db/client.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const query = readListQuery(new URL(request.url).searchParams);
  return { query, ...(await listCheckouts(db, session.shop, query)) };
};

export default function Checkouts() {
  return <CheckoutListPage {...useLoaderData<typeof loader>()} />;
}
