import type { Db } from "~/db/client.server";
import type { TemplateSource } from "~/templates/template-context";

export interface NewTemplate {
  name: string;
  /** The Liquid source per locale ("en", "ko", …). */
  contents: Record<string, TemplateSource>;
}

export function createTemplate(db: Db, shop: string, template: NewTemplate) {
  return db.template.create({
    data: {
      shop,
      name: template.name,
      contents: { create: Object.entries(template.contents).map(([locale, source]) => ({ locale, ...source })) },
    },
  });
}

export function templateContents(db: Db, shop: string, templateId: number) {
  return db.templateContent.findMany({ where: { templateId, template: { shop } } });
}
