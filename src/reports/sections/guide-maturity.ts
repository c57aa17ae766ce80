// The conversation guide's maturity topics. A network starting up (forming) talks first about a
// shared purpose and relationships, as the source material says; a network further on (developing,
// established, renewing) about the dimensions where members want the most change (the largest gap)
// and where they disagree most (the widest division: the smaller of the two halves, levels 1–2
// against 3–4, closest to half of the answers), taken in turn. Each topic asks about the next level, in the matrix's own words.
import type { Stage } from "../../db/schema";
import { maturityMessagesFor } from "../../i18n/report-maturity";
import type { Lang } from "../../instrument";
import type { Formatter } from "../../lib/format";
import { getMaturityMatrix, type MaturityResults, type MaturityResultsDimension } from "../../maturity/results";
import { halves } from "./maturity";

const MAX_TOPICS = 3;
const START_UP_FIRST = ["purpose", "relationships"];

/** How divided members are: the smaller half as a share of the answers (0 when not divided). */
function width(d: MaturityResultsDimension): number {
  if (!d.divided || d.current.n === 0) return 0;
  return Math.min(...halves(d.current)) / d.current.n;
}

/**
 * Dimensions worth a conversation: the largest gap and the widest division taken in turn (the
 * second largest gap, then the second widest division, and so on), each dimension once.
 */
export function talkingPoints(dimensions: readonly MaturityResultsDimension[]): MaturityResultsDimension[] {
  const shown = dimensions.filter((d) => d.current.shown);
  const gaps = shown.filter((d) => (d.gap ?? 0) > 0).sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0) || width(b) - width(a));
  const divisions = shown.filter((d) => d.divided === true).sort((a, b) => width(b) - width(a) || (b.gap ?? 0) - (a.gap ?? 0));
  const points: MaturityResultsDimension[] = [];
  for (let i = 0; i < Math.max(gaps.length, divisions.length); i++) {
    for (const d of [gaps[i], divisions[i]]) if (d && !points.includes(d)) points.push(d);
  }
  return points;
}

/** The guide's topics from the matrix, in the order the network's stage calls for; null without the matrix. */
export function maturityGuide(maturity: MaturityResults | null, stage: Stage, lang: Lang, f: Formatter) {
  if (!maturity) return null;
  const t = maturityMessagesFor(lang).guide;
  const matrix = getMaturityMatrix(maturity.version);
  const levelName = (level: number) => maturity.levels[level - 1]?.title ?? "";
  const first =
    stage === "forming" ? START_UP_FIRST.flatMap((code) => maturity.dimensions.filter((d) => d.code === code && d.current.shown)) : [];
  const rest = talkingPoints(maturity.dimensions).filter((d) => !first.includes(d));
  const topics = [...first, ...rest].slice(0, MAX_TOPICS).map((d) => {
    const now = d.current.median ?? 1;
    const reasons = [
      ...(first.includes(d) ? [t.startUp] : []),
      ...(d.target.median !== null && (d.gap ?? 0) > 0 ? [t.gap(levelName(now), levelName(d.target.median))] : []),
      ...(d.divided ? [dividedReason(d, t, f)] : []),
    ];
    // descriptors[now] is the next level's (levels count from 1, descriptors from 0).
    const descriptors: readonly { en: string; nl: string }[] = matrix?.dimensions.find((m) => m.code === d.code)?.descriptors ?? [];
    const descriptor = descriptors[now]?.[lang];
    const questions = [
      ...(d.divided ? [t.askDivided] : []),
      ...(now < 4 && descriptor ? [t.askNext(levelName(now + 1), descriptor)] : []),
      t.askWho,
    ];
    return { code: d.code, title: d.title, reasons, questions };
  });
  return topics.length > 0 ? { title: t.title, topics } : null;
}

function dividedReason(d: MaturityResultsDimension, t: ReturnType<typeof maturityMessagesFor>["guide"], f: Formatter): string {
  const [low, high] = halves(d.current);
  return t.divided({ n: low, text: f.count(low) }, { n: high, text: f.count(high) });
}
