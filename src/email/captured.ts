import type { Mailer, OutgoingMail } from "./transport";

/** The most messages the demo keeps; older ones drop off. */
const KEEP = 500;

export interface CapturedMessage extends OutgoingMail {
  /** 1, 2, 3…: its place in the list, for its page. */
  number: number;
}

export interface CapturedMail {
  mailer: Mailer;
  /** Newest first. */
  list(): CapturedMessage[];
  get(number: number): CapturedMessage | undefined;
}

/**
 * Messages kept in this process instead of sent (MAIL_CAPTURE=1, demo only): they hold members'
 * links in plain text, so they are never written to disk and the setting is refused without DEMO.
 */
export function capturedMail(): CapturedMail {
  const kept: CapturedMessage[] = [];
  let next = 1;
  return {
    mailer: {
      async send(mail) {
        kept.unshift({ ...mail, number: next++ });
        kept.length = Math.min(kept.length, KEEP);
      },
      close() {},
    },
    list: () => [...kept],
    get: (number) => kept.find((m) => m.number === number),
  };
}
