import { LOG_LEVELS, isLogLevel, type LogLevel } from "./log-level";

type Fields = Record<string, unknown>;

const SENSITIVE_KEY = /email|phone|token|secret|password|authorization|hmac|signature|cookie|apikey|first_?name|last_?name|address/i;
const EMAIL_ADDRESS = /[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi;

/**
 * Structured JSON lines. Values under sensitive keys and anything shaped like an email address are
 * masked, so personal data and secrets never reach the log even when a caller passes them by mistake.
 */
export const logger = {
  debug: (message: string, fields?: Fields) => write("debug", message, fields),
  info: (message: string, fields?: Fields) => write("info", message, fields),
  warn: (message: string, fields?: Fields) => write("warn", message, fields),
  error: (message: string, fields?: Fields) => write("error", message, fields),
};

function currentLevel(): LogLevel {
  const level = process.env.LOG_LEVEL?.trim() || "info";
  return isLogLevel(level) ? level : "info";
}

function write(level: Exclude<LogLevel, "silent">, message: string, fields: Fields = {}) {
  if (LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(currentLevel())) return;
  const line = JSON.stringify({
    level,
    time: new Date().toISOString(),
    msg: maskText(message),
    ...(redact(fields) as Fields),
  });
  if (level === "warn" || level === "error") console.error(line);
  else console.log(line);
}

export function redact(value: unknown, key = ""): unknown {
  if (key && SENSITIVE_KEY.test(key) && value != null) return "[redacted]";
  if (typeof value === "string") return maskText(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) return { name: value.name, message: maskText(value.message) };
  if (Array.isArray(value)) return value.map((item) => redact(item));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

function maskText(text: string): string {
  return text.replace(EMAIL_ADDRESS, "[email]");
}
