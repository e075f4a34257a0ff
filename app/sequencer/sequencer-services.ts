import type { PrismaClient } from "@prisma/client";
import type { EmailSender } from "~/email/email-sender";

/** What the sequencer works with; the composition root builds the real ones, tests their own. */
export interface SequencerServices {
  db: PrismaClient;
  email: EmailSender;
  /** The app-wide sender for shops that have not set their own. */
  defaultSender: { email: string | null; name: string | null };
  /** Names this process in leases, for logs and crash forensics. */
  workerId: string;
  random?: () => number;
}

/** The sequencer's time: a tick's `now`, advancing with real elapsed time so leases stay honest. */
export type Clock = () => Date;
