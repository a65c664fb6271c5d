/**
 * Tokens typed into the Sources screen, by source name. They live in this page's memory only: never sent to be
 * stored, gone when the window closes. For unattended pulls the source names an environment variable instead.
 */
const tokens = new Map<string, string>();

export const sessionTokens = {
  get: (name: string): string | undefined => tokens.get(name),
  set(name: string, token: string): void {
    if (token) tokens.set(name, token);
    else tokens.delete(name);
  },
};
