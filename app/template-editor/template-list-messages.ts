import { defineMessages } from "~/i18n/messages";

export const templateListMessages = defineMessages({
  en: {
    newTemplate: "New template",
    starterName: "New template",
    copyName: "Copy of {name}",
    duplicate: "Duplicate",
    duplicateLabel: "Duplicate {name}",
    nameColumn: "Name",
    languagesColumn: "Languages",
    updatedColumn: "Last edited",
    resourceSingular: "template",
    resourcePlural: "templates",
    emptyTitle: "No email templates yet",
    emptyBody: "Start from our reminder and make it yours.",
    intro: "Templates are written in Liquid, in English and Korean; each step of the recovery sequence uses one.",
  },
  ko: {
    newTemplate: "새 템플릿",
    starterName: "새 템플릿",
    copyName: "{name} 사본",
    duplicate: "복제",
    duplicateLabel: "{name} 복제",
    nameColumn: "이름",
    languagesColumn: "언어",
    updatedColumn: "마지막 수정",
    resourceSingular: "템플릿",
    resourcePlural: "템플릿",
    emptyTitle: "아직 이메일 템플릿이 없어요",
    emptyBody: "기본 리마인더로 시작해서 원하는 대로 바꿔 보세요.",
    intro: "템플릿은 Liquid로 영어와 한국어로 작성해요. 복구 시퀀스의 각 단계가 템플릿 하나를 사용해요.",
  },
});
