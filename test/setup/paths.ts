import path from "node:path";

export const TEST_TMP = path.resolve("test/.tmp");
export const TEMPLATE_DATABASE = path.join(TEST_TMP, "template.sqlite");
