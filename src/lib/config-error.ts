/** A bad setting: its message is one line naming the variable, printed before the server stops. */
export class ConfigError extends Error {}
