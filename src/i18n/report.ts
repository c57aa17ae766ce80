// Every text of the mirror report, in English and Dutch. Figures arrive already formatted for the
// language (see format.ts), so these functions only place them in a sentence.
import type { ActionStatus, Stage } from "../db/schema";
import type { Lang } from "../instrument";
import type { Confidence } from "../results/labelled-results";
import type { Counted } from "./plural";
import { en } from "./report-en";
import { nl } from "./report-nl";

/** The thresholds of the confidence rule, formatted: rates as "80%", numbers of respondents as counts. */
export interface ConfidenceRuleText {
  highRate: string;
  highN: string;
  moderateRate: string;
  moderateN: string;
  openHighN: string;
  openModerateN: string;
}

export interface Messages {
  reportTitle: string;
  confidential: string;
  contents: string;
  cover: {
    network: string;
    round: string;
    stage: string;
    period: string;
    responses: string;
    responseRate: string;
    openAccess: string;
    confidence: string;
    generated: string;
    responsesOf: (n: string, invited: string) => string;
    /** How many responses came through an open link, which anyone holding it (its maker too) can use. */
    openLinks: string;
    openLinksOf: (n: string) => string;
  };
  stage: Record<Stage, string>;
  confidenceLabel: Record<Confidence, string>;
  suppressed: (n: string, min: string) => string;
  suppressedHint: string;
  summary: {
    title: string;
    temperature: string;
    outOf100: string;
    thermometer: (value: string) => string;
    rating: (value: string, n: Counted) => string;
    trend: (counts: Record<"worse" | "same" | "better" | "fresh", Counted>) => string;
    /** The rating or trend split with fewer answers than the threshold: not shown. */
    ratingHidden: (n: Counted) => string;
    trendHidden: (n: Counted) => string;
    themeScores: string;
    themeChart: (list: string) => string;
    theme: string;
    score: string;
    change: string;
    respondents: string;
    strongest: string;
    weakest: string;
    divided: string;
    dividedNone: string;
    spread: string;
  };
  glance: {
    title: string;
    themes: string;
    comments: string;
    /** Under the themes: what the arrows compare with, and what bold means. */
    changeNote: (round: string) => string;
    strongest: string;
    weakest: string;
    outOf100: string;
    openActions: string;
    openActionsNone: string;
    moreActions: (n: Counted) => string;
  };
  change: {
    since: (round: string) => string;
    none: string;
    notable: string;
    notClear: string;
    withP: (p: string) => string;
    /** "p < 0.001", for a p value below the smallest one written out. */
    pBelow: (p: string) => string;
  };
  theme: {
    scoreLine: (n: string, sd: string) => string;
    statement: string;
    disagree: string;
    neutral: string;
    agree: string;
    dontKnow: string;
    answers: string;
    mean: string;
    tooFew: string;
    chart: (title: string, list: string) => string;
    itemAlt: (text: string, disagree: string, neutral: string, agree: string) => string;
    itemHiddenAlt: (text: string) => string;
    /** `whole`: the number of answers below which percentages are whole. */
    legend: (whole: string) => string;
    comments: string;
    noComments: string;
  };
  trend: {
    title: string;
    intro: string;
    onlyOne: string;
    notEnough: string;
    temperature: string;
    chart: string;
  };
  breakdowns: {
    title: string;
    intro: (min: string) => string;
    none: (min: string) => string;
    by: Record<"organisationType" | "professionalGroup" | "involvement", string>;
    group: string;
    /** What the shades of the heatmap mean; every cell also holds its figure in words. */
    legend: string;
    bands: [string, string, string, string, string];
  };
  guide: {
    title: string;
    intro: (stage: string) => string;
    weakest: (score: string) => string;
    divided: (text: string, sd: string) => string;
    none: string;
  };
  actions: {
    title: string;
    previous: string;
    previousNone: string;
    current: string;
    currentNone: string;
    action: string;
    owner: string;
    due: string;
    status: string;
    note: string;
    statusLabel: Record<ActionStatus, string>;
  };
  howToRead: {
    title: string;
    scoringTitle: string;
    scoring: string[];
    anonymityTitle: string;
    anonymity: (min: string) => string[];
    comments: (withheld: Counted) => string;
    commentsSuppressed: string;
    changeTitle: string;
    change: string[];
    confidenceTitle: string;
    confidence: (rule: ConfidenceRuleText) => string[];
  };
  page: { page: string; of: string };
  preview: { download: string; back: string; otherLanguage: string };
}

const MESSAGES: Record<Lang, Messages> = { en, nl };

/** The report's texts in one language. */
export function messagesFor(lang: Lang): Messages {
  return MESSAGES[lang];
}
