/**
 * True for Prisma's unique-constraint error (P2002), on `model` when one is named. Checked by shape, not `instanceof`:
 * PostgreSQL's generated client carries its own copy of Prisma's runtime, and so its own error classes.
 */
export function isUniqueViolation(error: unknown, model?: string): boolean {
  if (!(error instanceof Error) || error.name !== "PrismaClientKnownRequestError") return false;
  const known = error as Error & { code?: string; meta?: { modelName?: string } };
  return known.code === "P2002" && (model === undefined || known.meta?.modelName === model);
}
