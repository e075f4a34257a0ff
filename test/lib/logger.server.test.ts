import { afterEach, describe, expect, it, vi } from "vitest";
import { logger, redact } from "~/lib/logger.server";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("logger", () => {
  it("writes one JSON line with the message and fields", () => {
    vi.stubEnv("LOG_LEVEL", "info");
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    logger.info("Webhook applied", { topic: "ORDERS_CREATE", outcome: "stored" });

    const line = JSON.parse(String(out.mock.calls[0]?.[0]));
    expect(line).toMatchObject({ level: "info", msg: "Webhook applied", topic: "ORDERS_CREATE", outcome: "stored" });
  });

  it("masks secrets and personal data, even nested or inside text", () => {
    expect(
      redact({
        accessToken: "shpat_123",
        customer: { email: "ann@example.com", phone: "+15025550142", firstName: "Ann" },
        note: "reply to ann@example.com please",
        error: new Error("duplicate key ann@example.com"),
      }),
    ).toEqual({
      accessToken: "[redacted]",
      customer: { email: "[redacted]", phone: "[redacted]", firstName: "[redacted]" },
      note: "reply to [email] please",
      error: { name: "Error", message: "duplicate key [email]" },
    });
  });

  it("drops lines below the configured level", () => {
    vi.stubEnv("LOG_LEVEL", "warn");
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    const err = vi.spyOn(console, "error").mockImplementation(() => {});
    logger.info("quiet");
    logger.warn("loud");

    expect(out).not.toHaveBeenCalled();
    expect(err).toHaveBeenCalledOnce();
  });
});
