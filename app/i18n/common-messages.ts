import { defineMessages } from "./messages";

/** Strings every admin page shares: navigation and generic actions. */
export const commonMessages = defineMessages({
  en: {
    navDashboard: "Dashboard",
    navCheckouts: "Checkouts",
    navSequence: "Recovery sequence",
    navTemplates: "Email templates",
    navSettings: "Settings",
    save: "Save",
    discard: "Discard",
    cancel: "Cancel",
    loading: "Loading…",
    errorTitle: "Something went wrong",
    errorBody: "Reload the page to try again. If it keeps happening, contact support.",
    notFoundTitle: "Not found",
    notFoundBody: "It may have been deleted, or it belongs to another shop.",
  },
  ko: {
    navDashboard: "대시보드",
    navCheckouts: "결제 내역",
    navSequence: "복구 시퀀스",
    navTemplates: "이메일 템플릿",
    navSettings: "설정",
    save: "저장",
    discard: "변경 취소",
    cancel: "취소",
    loading: "불러오는 중…",
    errorTitle: "문제가 발생했어요",
    errorBody: "페이지를 새로고침해 다시 시도해 주세요. 계속 발생하면 지원팀에 문의해 주세요.",
    notFoundTitle: "찾을 수 없어요",
    notFoundBody: "삭제되었거나 다른 스토어의 항목일 수 있어요.",
  },
});
