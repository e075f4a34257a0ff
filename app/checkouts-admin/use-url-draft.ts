import { useEffect, useState } from "react";

const PAUSE_MS = 400;

/**
 * A text filter the merchant types into freely, written to the URL once typing pauses. It follows
 * the URL when that changes elsewhere (back button, clear all), unless the merchant has typed since.
 */
export function useUrlDraft(urlValue: string, commit: (value: string) => void): [string, (value: string) => void] {
  const [draft, setDraft] = useState(urlValue);
  const [lastUrlValue, setLastUrlValue] = useState(urlValue);
  if (urlValue !== lastUrlValue) {
    setLastUrlValue(urlValue);
    if (draft === lastUrlValue) setDraft(urlValue);
  }
  useEffect(() => {
    if (draft === urlValue) return;
    const timer = setTimeout(() => commit(draft), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, urlValue, commit]);
  return [draft, setDraft];
}
