import type { PrismaClient } from "@prisma/client";
import type { EmailSender } from "~/email/email-sender";
import type { OutboundHttp } from "~/outbound/outbound-http";
import type { ShopifyAdmin } from "~/shopify-admin/shopify-admin";

/** What the sequencer works with; the composition root builds the real ones, tests their own. */
export interface SequencerServices {
  db: PrismaClient;
  email: EmailSender;
  /** The SSRF-guarded client webhook deliveries go out through. */
  webhookHttp: OutboundHttp;
  /** The Admin API of an installed shop (discount codes); fails without a call for a shop that is not. */
  adminFor: (shop: string) => Promise<ShopifyAdmin>;
  /** The app-wide sender for shops that have not set their own. */
  defaultSender: { email: string | null; name: string | null };
  /** Names this process in leases, for logs and crash forensics. */
  workerId: string;
  random?: () => number;
}

/** The sequencer's time: a tick's `now`, advancing with real elapsed time so leases stay honest. */
export type Clock = () => Date;
