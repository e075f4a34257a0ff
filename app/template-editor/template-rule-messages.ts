import { defineMessages } from "~/i18n/messages";

/** Why a template cannot be saved or sent as a test, shown under the field at fault. */
export const templateRuleMessages = defineMessages({
  en: {
    nameRequired: "Enter a name of up to {max} characters.",
    noLocales: "Keep at least one language.",
    liquidError: "Line {line}: {message}",
    emailInvalid: "Enter an email address like you@example.com.",
    noSender: "Set a sender address in Settings before sending a test.",
  },
  ko: {
    nameRequired: "최대 {max}자의 이름을 입력해 주세요.",
    noLocales: "언어를 하나 이상 남겨 주세요.",
    liquidError: "{line}번째 줄: {message}",
    emailInvalid: "you@example.com 같은 이메일 주소를 입력해 주세요.",
    noSender: "테스트를 보내기 전에 설정에서 발신 주소를 지정해 주세요.",
  },
});
