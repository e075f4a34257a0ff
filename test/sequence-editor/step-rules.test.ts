import { describe, expect, it } from "vitest";
import { checkSteps, type StepChoices } from "~/sequence-editor/step-rules";
import { firstVariants, newStep, type StepForm } from "~/sequence-editor/step-form";

const choices: StepChoices = { currency: "USD", templateIds: new Set([11, 12]), destinationIds: new Set([21]) };

function step(overrides: Partial<StepForm> = {}): StepForm {
  return { ...newStep(undefined), templateId: "11", ...overrides };
}

async function errorsOf(steps: StepForm[], locale: "en" | "ko" = "en") {
  const checked = await checkSteps(steps, choices, locale);
  return "fieldErrors" in checked ? checked.fieldErrors : {};
}

describe("checking edited steps", () => {
  it("turns valid steps into definitions: minutes, minor units, a normalised offer and variants", async () => {
    const checked = await checkSteps(
      [
        step({ delayAmount: "90", delayUnit: "minutes" }),
        step({
          delayAmount: "2",
          delayUnit: "days",
          minCartValue: "50",
          skipIfClicked: true,
          discountKind: "fixed_amount",
          discountValue: "10",
          discountMinSubtotal: "75.5",
          variants: [
            { label: "A", weight: "3", subject: "", templateId: "" },
            { label: "B", weight: "1", subject: "{{ customer.first_name }}, still thinking?", templateId: "12" },
          ],
          autoWinnerMetric: "click",
          autoWinnerMinSample: "250",
          winnerLabel: "B",
        }),
        step({ delayAmount: "3", delayUnit: "days", channel: "webhook", templateId: "", destinationId: "21", enabled: false }),
      ],
      choices,
      "en",
    );

    expect(checked).toEqual({
      steps: [
        { delayMinutes: 90, channel: "email", templateId: 11, destinationId: null, minCartValueMinor: null, skipIfClicked: false, enabled: true, discount: null, abTest: null },
        {
          delayMinutes: 2 * 24 * 60,
          channel: "email",
          templateId: 11,
          destinationId: null,
          minCartValueMinor: 5000n,
          skipIfClicked: true,
          enabled: true,
          discount: { kind: "fixed_amount", value: "10.00", minSubtotal: "75.50", expiryHours: 72 },
          abTest: {
            variants: [
              { label: "A", weight: 3, subject: null, templateId: null },
              { label: "B", weight: 1, subject: "{{ customer.first_name }}, still thinking?", templateId: 12 },
            ],
            autoWinnerMetric: "click",
            autoWinnerMinSample: 250,
            winnerLabel: "B",
          },
        },
        { delayMinutes: 3 * 24 * 60, channel: "webhook", templateId: null, destinationId: 21, minCartValueMinor: null, skipIfClicked: false, enabled: false, discount: null, abTest: null },
      ],
    });
  });

  it("refuses a negative delay, one that is not a whole number, and one beyond 30 days", async () => {
    expect(await errorsOf([step({ delayAmount: "-5" })])).toEqual({ "steps.0.delayMinutes": "The delay can't be negative." });
    expect(await errorsOf([step({ delayAmount: "1.5" })])).toEqual({ "steps.0.delayMinutes": "Enter a whole number." });
    expect(await errorsOf([step({ delayAmount: "31", delayUnit: "days" })])).toEqual({ "steps.0.delayMinutes": "A step can wait at most 30 days after abandonment." });
  });

  it("refuses delays out of order, naming the step it must follow; equal delays are fine", async () => {
    const errors = await errorsOf([step({ delayAmount: "1", delayUnit: "days" }), step({ delayAmount: "24", delayUnit: "hours" }), step({ delayAmount: "20", delayUnit: "hours" })]);

    expect(errors).toEqual({ "steps.2.delayMinutes": "Steps run in order: this delay can't be shorter than step 2's." });
  });

  it("asks an email step for one of the shop's templates and a webhook step for one of its destinations", async () => {
    const errors = await errorsOf([
      step({ templateId: "" }),
      step({ delayAmount: "2", templateId: "99" }),
      step({ delayAmount: "3", channel: "webhook", destinationId: "" }),
      step({ delayAmount: "4", channel: "webhook", destinationId: "77" }),
    ]);

    expect(errors).toEqual({
      "steps.0.templateId": "Choose a template for this email.",
      "steps.1.templateId": "Choose one of your templates.",
      "steps.2.destinationId": "Choose where to send this webhook action.",
      "steps.3.destinationId": "Choose one of your webhook destinations.",
    });
  });

  it("checks the conditions: an amount for the minimum cart, and no 'not clicked' rule on the first step", async () => {
    expect(await errorsOf([step({ minCartValue: "fifty", skipIfClicked: true })])).toEqual({
      "steps.0.minCartValue": "Enter an amount like 50.00.",
      "steps.0.skipIfClicked": "The first step has no previous message.",
    });
  });

  it("checks the discount offer field by field", async () => {
    expect(await errorsOf([step({ discountKind: "percentage", discountValue: "150" })])).toEqual({ "steps.0.discountValue": "Enter a percentage above 0 and at most 100." });
    expect(await errorsOf([step({ discountKind: "fixed_amount", discountValue: "0", discountMinSubtotal: "-3", discountExpiryHours: "0" })])).toEqual({
      "steps.0.discountValue": "Enter an amount above 0.",
      "steps.0.discountMinSubtotal": "Enter an amount like 50.00.",
      "steps.0.discountExpiryHours": "Enter a whole number from 1 to 720.",
    });
  });

  it("asks an A/B test for 2 to 4 variants with distinct labels and positive weights", async () => {
    const [a, b] = firstVariants();
    const five = ["A", "B", "C", "D", "E"].map((label) => ({ ...a!, label }));

    expect(await errorsOf([step({ variants: [a!] })])).toEqual({ "steps.0.variants": "An A/B test needs 2 to 4 variants." });
    expect(await errorsOf([step({ variants: five })])).toEqual({ "steps.0.variants": "An A/B test needs 2 to 4 variants." });
    expect(await errorsOf([step({ variants: [a!, { ...b!, label: "A", weight: "0" }] })])).toEqual({
      "steps.0.variants.1.label": "Give each variant its own label.",
      "steps.0.variants.1.weight": "Enter a whole number from 1 to 100.",
    });
  });

  it("places a Liquid error in a variant's subject on its line", async () => {
    const [a, b] = firstVariants();
    const errors = await errorsOf([step({ variants: [a!, { ...b!, subject: "Hello\n{{ customer.first_name | no_such_filter }}" }] })]);

    expect(errors["steps.0.variants.1.subject"]).toMatch(/^Line 2: .*no_such_filter/);
  });

  it("keeps a declared winner only while a variant still has its label", async () => {
    const [a, b] = firstVariants();
    const checked = await checkSteps([step({ variants: [a!, b!], winnerLabel: "C" })], choices, "en");

    expect("steps" in checked && checked.steps[0]?.abTest?.winnerLabel).toBeNull();
  });

  it("speaks Korean to a Korean admin", async () => {
    expect(await errorsOf([step({ delayAmount: "-1" })], "ko")).toEqual({ "steps.0.delayMinutes": "지연 시간은 음수일 수 없어요." });
  });

  it("asks for at least one step", async () => {
    expect(await errorsOf([])).toEqual({ steps: "Add at least one step." });
  });
});
