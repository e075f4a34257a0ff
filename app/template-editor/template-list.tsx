import { Badge, BlockStack, Button, Card, EmptyState, IndexTable, InlineStack, Link, Page, Text } from "@shopify/polaris";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { languageName } from "./language-name";
import type { TemplateListItem } from "./template-list.server";
import { templateListMessages } from "./template-list-messages";
import { orderedLocales } from "./template-form";

interface TemplateListProps {
  templates: TemplateListItem[];
  timezone: string;
  busy: boolean;
  onCreate: () => void;
  onDuplicate: (templateId: number) => void;
}

/** The shop's email templates, each opening its editor, with "New template" and "Duplicate". */
export function TemplateList({ templates, timezone, busy, onCreate, onDuplicate }: TemplateListProps) {
  const t = useMessages(templateListMessages);
  const common = useMessages(commonMessages);
  const uiLocale = useUiLocale();
  const date = new Intl.DateTimeFormat(uiLocale, { dateStyle: "medium", timeStyle: "short", timeZone: timezone });

  return (
    <Page title={common("navTemplates")} primaryAction={{ content: t("newTemplate"), onAction: onCreate, loading: busy }}>
      <BlockStack gap="400">
        <Text as="p" tone="subdued">
          {t("intro")}
        </Text>
        <Card padding="0">
          <IndexTable
            resourceName={{ singular: t("resourceSingular"), plural: t("resourcePlural") }}
            itemCount={templates.length}
            selectable={false}
            headings={[{ title: t("nameColumn") }, { title: t("languagesColumn") }, { title: t("updatedColumn") }, { title: t("duplicate"), hidden: true }]}
            emptyState={
              <EmptyState heading={t("emptyTitle")} action={{ content: t("newTemplate"), onAction: onCreate }} image="">
                <p>{t("emptyBody")}</p>
              </EmptyState>
            }
          >
            {templates.map((template, index) => (
              <IndexTable.Row id={String(template.id)} key={template.id} position={index}>
                <IndexTable.Cell>
                  <Link url={`/app/templates/${template.id}`} removeUnderline>
                    <Text as="span" fontWeight="semibold">
                      {template.name}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="100">
                    {orderedLocales(Object.fromEntries(template.locales.map((locale) => [locale, true]))).map((locale) => (
                      <Badge key={locale}>{languageName(locale, uiLocale)}</Badge>
                    ))}
                  </InlineStack>
                </IndexTable.Cell>
                <IndexTable.Cell>{date.format(new Date(template.updatedAt))}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Button variant="plain" onClick={() => onDuplicate(template.id)} disabled={busy} accessibilityLabel={t("duplicateLabel", { name: template.name })}>
                    {t("duplicate")}
                  </Button>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
    </Page>
  );
}
