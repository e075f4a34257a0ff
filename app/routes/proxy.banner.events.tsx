import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { BANNER_TOUCHES, recordBannerTouch } from "~/banner/banner-touch.server";
import { db } from "~/db/client.server";
import { authenticate } from "~/shopify.server";

const touch = z.object({ cart_token: z.string().regex(/^[\w-]{1,255}$/), event: z.enum(BANNER_TOUCHES) });

// POST /apps/comeback/banner/events: the banner reports that it was shown or clicked.
export const action = async ({ request }: ActionFunctionArgs) => {
  await authenticate.public.appProxy(request);
  const parsed = touch.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return new Response("Expected { cart_token, event: impression | click }", { status: 400 });
  const shop = new URL(request.url).searchParams.get("shop")!;
  await db.$transaction((tx) => recordBannerTouch(tx, shop, parsed.data.cart_token, parsed.data.event, new Date()));
  return new Response(null, { status: 204 });
};
