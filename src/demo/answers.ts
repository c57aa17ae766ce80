import type { Instrument } from "../instrument";
import type { SurveyResponseInput } from "../survey/schemas";

/** A small deterministic random generator (mulberry32), so the demo is the same at every start. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How a round of the demo network leans, theme by theme: the mean answer members tend towards. */
export type Leanings = Record<string, number>;

const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const COMMENTS: Record<string, string[]> = {
  purpose: [
    "We agreed the priorities together at the away day and it shows.",
    "I still could not explain our purpose to a new colleague in one sentence.",
    "Frailty is clearly the shared focus now.",
    "Our purpose reads well on paper; I am less sure it guides what we do on Monday morning.",
  ],
  relationships: [
    "I now know who to call at the council when a discharge gets stuck.",
    "The voluntary sector partners still feel like guests rather than members.",
    "Trust between the practices and the hospital has grown this year.",
    "Meeting the care home managers in person changed how we work together.",
  ],
  communication: [
    "The monthly bulletin helps, but decisions still reach us late.",
    "We hear a lot, but it is not clear anyone hears us back.",
    "The shared channel has made a real difference.",
    "Minutes arrive weeks after the meeting, when they no longer help.",
  ],
  governance: [
    "It is not clear who decides what between the board meetings.",
    "The same three organisations seem to make every decision.",
    "Roles on the steering group were finally written down.",
    "I would like to know how to put an item on the agenda.",
  ],
  value: [
    "Fewer of our patients are readmitted within 30 days.",
    "I would like to see the evidence of impact, not only stories.",
    "Being part of the network saves me time every week.",
    "The falls pathway is the clearest example of what we achieve together.",
  ],
};

/**
 * One member's answers for a demo round: each statement near the theme's leaning with some spread,
 * a few "don't know" and skipped statements, the about-you questions, and sometimes a comment.
 */
export function demoAnswers(
  instrument: Instrument,
  leanings: Leanings,
  random: () => number,
  usedComments = new Set<string>(),
): SurveyResponseInput {
  const answers: SurveyResponseInput["answers"] = {};
  const personal = (random() - 0.5) * 1.2;
  for (const theme of instrument.themes) {
    for (const item of theme.items) {
      const roll = random();
      if (roll < 0.04) continue;
      if (roll < 0.09) answers[item.code] = "dont_know";
      else answers[item.code] = clamp((leanings[theme.code] ?? 3) + personal + (random() - 0.5) * 2.2) as 1 | 2 | 3 | 4 | 5;
    }
  }
  const options = (code: string) => {
    const question = instrument.questions.find((q) => q.code === code);
    return question?.kind === "choice" ? question.options.map((o) => o.code) : [];
  };
  const comments: Record<string, string> = {};
  for (const theme of instrument.themes) {
    // Each comment is written once per round, as real members would not repeat each other word for word.
    const unused = (COMMENTS[theme.code] ?? []).filter((c) => !usedComments.has(c));
    if (unused.length > 0 && random() < 0.2) {
      const comment = pick(random, unused);
      usedComments.add(comment);
      comments[theme.code] = comment;
    }
  }
  const mean = Object.values(leanings).reduce((a, b) => a + b, 0) / Math.max(1, Object.keys(leanings).length);
  return {
    answers,
    overall: Math.max(0, Math.min(10, Math.round((mean - 1) * 2.5 + personal * 2 + (random() - 0.5) * 2))),
    trend: pick(random, ["worse", "same", "better", "better", "new"] as const),
    involvement: pick(random, ["core", "active", "active", "occasional"] as const),
    profile: {
      organisationType: pick(random, options("organisationType").slice(0, 4)),
      professionalGroup: pick(random, options("professionalGroup").slice(0, 4)),
    },
    ...(Object.keys(comments).length > 0 ? { comments } : {}),
  };
}
