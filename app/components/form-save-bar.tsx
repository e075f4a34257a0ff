import { SaveBar } from "@shopify/app-bridge-react";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages } from "~/i18n/use-messages";

interface FormSaveBarProps {
  /** Unique on the page: App Bridge keeps one save bar per id. */
  id: string;
  /** Shown while the form differs from what is stored. */
  open: boolean;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
}

/** The admin's contextual save bar, as every Comeback form uses it. */
export function FormSaveBar({ id, open, saving, onSave, onDiscard }: FormSaveBarProps) {
  const common = useMessages(commonMessages);
  return (
    <SaveBar id={id} open={open}>
      <button variant="primary" onClick={onSave} loading={saving ? "" : undefined} disabled={saving}>
        {common("save")}
      </button>
      <button onClick={onDiscard} disabled={saving}>
        {common("discard")}
      </button>
    </SaveBar>
  );
}
