import { describe, expect, it } from "vitest";
import { summarizeDestination } from "~/settings/destination-summary";

const NOW = new Date("2026-11-21T10:00:00Z");
const DESTINATION = {
  id: 7,
  name: "CRM",
  url: "https://hooks.crm.example:8443/in/secret-token?x=1",
  events: ["checkout.abandoned"],
  enabled: true,
  pausedUntil: null,
};

describe("summarizeDestination", () => {
  it("shows the endpoint's host, never its path or query, which may carry a token", () => {
    expect(summarizeDestination(DESTINATION, NOW)).toEqual({
      id: 7,
      name: "CRM",
      host: "hooks.crm.example:8443",
      events: ["checkout.abandoned"],
      enabled: true,
      pausedUntil: null,
    });
  });

  it("shows the breaker's pause while it lasts", () => {
    expect(summarizeDestination({ ...DESTINATION, pausedUntil: new Date("2026-11-21T10:30:00Z") }, NOW).pausedUntil).toBe("2026-11-21T10:30:00.000Z");
    expect(summarizeDestination({ ...DESTINATION, pausedUntil: new Date("2026-11-21T09:59:00Z") }, NOW).pausedUntil).toBeNull();
  });
});
