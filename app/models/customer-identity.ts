/** How Shopify identifies a customer in compliance requests; any part may be missing. */
export interface CustomerIdentity {
  customerId: string | null;
  email: string | null;
  phone: string | null;
}

/** A Prisma OR filter matching rows that carry any known part of the identity; null when nothing is known. */
export function identityFilter({ customerId, email, phone }: CustomerIdentity) {
  const clauses = [
    ...(customerId ? [{ customerId }] : []),
    ...(email ? [{ email }] : []),
    ...(phone ? [{ phone }] : []),
  ];
  return clauses.length ? clauses : null;
}
