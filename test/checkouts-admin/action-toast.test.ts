import { describe, expect, it } from "vitest";
import { actionToast } from "~/checkouts-admin/action-toast";
import type { WordingContext } from "~/checkouts-admin/describe-entry";

const EN: WordingContext = { locale: "en", timezone: "America/New_York", currency: "USD" };
const KO: WordingContext = { ...EN, locale: "ko" };
const sendNow = { intent: "send_now" as const, step: 1, reason: null, until: null };

describe("the checkout page's toasts", () => {
  it("say what sending now did, and why when nothing went out", () => {
    expect(actionToast({ ...sendNow, outcome: "sent" }, EN)).toBe("Step 1 sent");
    expect(actionToast({ ...sendNow, outcome: "deferred", reason: "quiet_hours", until: "2026-11-21T13:00:00.000Z" }, EN).replace(/\s/g, " ")).toBe(
      "Step 1 postponed. Quiet hours. It waits until Nov 21, 2026, 8:00 AM.",
    );
    expect(actionToast({ ...sendNow, outcome: "stopped", reason: "no_consent" }, KO)).toBe(
      "1단계를 보내지 않았고 시퀀스가 중지됐어요. 고객이 이메일 마케팅 수신에 동의하지 않았고, 스토어에서 동의를 요구해요.",
    );
    expect(actionToast({ ...sendNow, outcome: "lost" }, EN)).toBe("Step 1 is being sent right now. Check the timeline in a moment.");
    expect(actionToast({ intent: "send_now", outcome: "nothing_scheduled" }, EN)).toBe("No step is waiting to be sent");
  });

  it("say whether stopping stopped anything", () => {
    expect(actionToast({ intent: "stop", outcome: "stopped" }, EN)).toBe("Sequence stopped");
    expect(actionToast({ intent: "stop", outcome: "not_running" }, KO)).toBe("이 결제에는 진행 중인 시퀀스가 없어요");
  });
});
