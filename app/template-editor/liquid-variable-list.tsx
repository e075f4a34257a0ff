import { DescriptionList, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { useMessages } from "~/i18n/use-messages";
import { LIQUID_VARIABLES, liquidVariableMessages } from "./liquid-variables";
import { templateEditorMessages } from "./template-editor-messages";

/** Every variable a template can use, with what it holds. */
export function LiquidVariableList() {
  const t = useMessages(templateEditorMessages);
  const describe = useMessages(liquidVariableMessages);
  return (
    <SectionCard title={t("variablesHeading")} description={t("variablesIntro")}>
      <DescriptionList
        gap="tight"
        items={LIQUID_VARIABLES.map((name) => ({
          term: (
            <Text as="span" fontWeight="medium">
              <code style={{ whiteSpace: "nowrap" }}>{name}</code>
            </Text>
          ),
          description: describe(name),
        }))}
      />
    </SectionCard>
  );
}
