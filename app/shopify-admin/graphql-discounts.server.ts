import { adminFailure } from "./admin-failure";
import { discountCodeBasicInput } from "./discount-code-input";
import type { AdminGraphql } from "./graphql-admin.server";
import type { DiscountCodeRequest, DiscountCreation, DiscountDeactivation, ShopifyAdmin } from "./shopify-admin";

const CREATE_DISCOUNT = `#graphql
  mutation CreateRecoveryDiscount($input: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $input) {
      codeDiscountNode {
        id
        codeDiscount { ... on DiscountCodeBasic { title endsAt } }
      }
      userErrors { field code message }
    }
  }`;

const DISCOUNT_BY_CODE = `#graphql
  query RecoveryDiscountByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount { ... on DiscountCodeBasic { title endsAt } }
    }
  }`;

const DEACTIVATE_DISCOUNT = `#graphql
  mutation DeactivateRecoveryDiscount($id: ID!) {
    discountCodeDeactivate(id: $id) {
      codeDiscountNode { id }
      userErrors { field code message }
    }
  }`;

interface DiscountNode {
  id: string;
  codeDiscount?: { title?: string; endsAt?: string | null } | null;
}

interface UserError {
  field?: string[] | null;
  code?: string | null;
  message: string;
}

interface MutationPayload {
  codeDiscountNode?: DiscountNode | null;
  userErrors: UserError[];
}

type Discounts = Pick<ShopifyAdmin, "createDiscountCode" | "deactivateDiscountCode">;

export function graphqlDiscounts(graphql: AdminGraphql): Discounts {
  const answer = async <T>(query: string, variables: Record<string, unknown>): Promise<T | undefined> => {
    const { data } = (await (await graphql(query, { variables })).json()) as { data?: T };
    return data;
  };

  // A code is taken when an earlier attempt created it but never heard the answer (a timeout, a crash).
  const earlierAttempt = async (request: DiscountCodeRequest): Promise<DiscountCreation> => {
    const found = await answer<{ codeDiscountNodeByCode?: DiscountNode | null }>(DISCOUNT_BY_CODE, { code: request.code });
    const node = found?.codeDiscountNodeByCode;
    if (!node) return { status: "failed", error: `Shopify reports code ${request.code} as taken but cannot find it` };
    // Codes are derived from the step run; another discount with the same code is a collision, never ours.
    if (node.codeDiscount?.title !== request.title) return { status: "failed", error: `Code ${request.code} belongs to another discount` };
    return created(node, request);
  };

  return {
    async createDiscountCode(request) {
      try {
        const payload = (await answer<{ discountCodeBasicCreate?: MutationPayload }>(CREATE_DISCOUNT, { input: discountCodeBasicInput(request) }))
          ?.discountCodeBasicCreate;
        if (payload?.codeDiscountNode) return created(payload.codeDiscountNode, request);
        const userErrors = payload?.userErrors ?? [];
        if (userErrors.some(isTakenCode)) return await earlierAttempt(request);
        return { status: "failed", error: describe(userErrors) };
      } catch (error) {
        return adminFailure(error);
      }
    },

    async deactivateDiscountCode(shopifyDiscountId): Promise<DiscountDeactivation> {
      try {
        const payload = (await answer<{ discountCodeDeactivate?: MutationPayload }>(DEACTIVATE_DISCOUNT, { id: shopifyDiscountId }))?.discountCodeDeactivate;
        return payload?.codeDiscountNode ? { status: "deactivated" } : { status: "failed", error: describe(payload?.userErrors ?? []) };
      } catch (error) {
        return adminFailure(error);
      }
    },
  };
}

function created(node: DiscountNode, request: DiscountCodeRequest): DiscountCreation {
  const endsAt = node.codeDiscount?.endsAt;
  return { status: "created", shopifyDiscountId: node.id, endsAt: endsAt ? new Date(endsAt) : request.endsAt };
}

function isTakenCode(error: UserError): boolean {
  return error.code === "TAKEN" && (error.field ?? []).includes("code");
}

function describe(userErrors: UserError[]): string {
  if (userErrors.length === 0) return "Shopify answered without a discount or an error";
  return userErrors.map((error) => (error.field?.length ? `${error.message} (${error.field.join(".")})` : error.message)).join("; ");
}
