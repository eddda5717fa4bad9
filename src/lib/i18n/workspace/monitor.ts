/** Workspace messages: monitor (`ws.monitor.…`). Dutch is the source; the type of `en` makes it complete. */
export const nl = {} as const;

export const en: Record<keyof typeof nl, string> = {};
