import { data } from "@remix-run/node";
import type { z } from "zod";

/**
 * How the settings routes turn down a request. Pages throw, and their error boundary says "not found";
 * fetcher actions (test send, rotate, reveal, replay) answer, so the page they were pressed on stays.
 * Either way another shop's id looks exactly like an unknown one.
 */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export function notFoundAnswer() {
  return data({ ok: false as const, notFound: true as const }, { status: 404 });
}

/** A route's :id as a row id; anything else cannot name one of the shop's rows. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 && String(id) === value ? id : notFound();
}

/**
 * The JSON body a page's useSubmit sent, in the shape the page sends. Anything else is a 400, not a
 * form error: no form of ours produced it.
 */
export async function readJsonBody<Shape>(request: Request, shape: z.ZodType<Shape>): Promise<Shape> {
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = shape.safeParse(body);
  if (body === undefined || !parsed.success) throw new Response("The request body is not what this page sends", { status: 400 });
  return parsed.data;
}
