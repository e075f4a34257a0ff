/** One request to a merchant's endpoint. */
export interface OutboundRequest {
  url: string;
  method: "POST" | "PUT" | "PATCH";
  headers: Record<string, string>;
  /**
   * Names of headers that carry the merchant's credentials: sent to the destination's own origin
   * only, and dropped when a followed redirect leads elsewhere (as fetch does with Authorization).
   */
  originBoundHeaders: readonly string[];
  body: string;
  followRedirects: boolean;
}

export type OutboundErrorKind = "timeout" | "refused_address" | "network" | "redirect_not_followed" | "too_many_redirects";

/** What the endpoint answered, or why it could not; the client reports, the delivery ledger decides. */
export type OutboundResult =
  | {
      ok: true;
      status: number;
      /** Lower-case names; repeated headers joined with ", ". */
      headers: Record<string, string>;
      /** The start of the body, up to the client's limit; the rest was never read. */
      body: string;
      bodyTruncated: boolean;
      latencyMs: number;
    }
  | { ok: false; error: OutboundErrorKind; message: string; status: number | null; latencyMs: number };

export interface OutboundHttp {
  send(request: OutboundRequest): Promise<OutboundResult>;
}
