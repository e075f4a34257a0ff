/** Where the settings pages live, for links and fetcher actions. */
export const SETTINGS_PATH = "/app/settings";
export const NEW_DESTINATION_PATH = "/app/settings/destinations/new";
export const DEAD_LETTERS_PATH = "/app/settings/dead-letters";

export function destinationPath(id: number, action?: "test-send" | "rotate-secret" | "reveal-secret"): string {
  return `/app/settings/destinations/${id}${action ? `/${action}` : ""}`;
}
