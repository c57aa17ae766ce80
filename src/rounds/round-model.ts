import { mayOnNetwork } from "../auth/access";
import { hasConnections } from "../connections/freeze-map";
import type { GrantRole, NetworkRow } from "../db/schema";
import { roundEmailSection } from "../email/round-email-model";
import { LANGUAGE_LABELS } from "../i18n/languages";
import { linkCoverage } from "../invitations/link-status";
import type { Deps } from "../lib/app-env";
import { dayOf } from "../lib/clock";
import { formatterFor } from "../lib/format";
import { toZonedLocal, zonedDateTime, zoneLabel } from "../lib/zoned-time";
import { roundOrganisations } from "../organisations/queries";
import { frozenSummary } from "../results/frozen";
import { ACCESS_LABELS, MODULE_LABELS, STATUS_LABELS } from "./labels";
import { percent, roundProgress } from "./progress";
import { responsesChart } from "./progress-chart";
import { openUrlOf, type RoundRow } from "./round-json";

export type Relation = "admin" | GrantRole;

const fmt = formatterFor("en");

/** A round as it stands, with who is looking: what GET /rounds/:id shows. */
export interface RoundAccess {
  round: RoundRow;
  network: NetworkRow;
  relation: Relation;
}

/** Invited / started / submitted, the response rate and responses per day. */
function progressModel(deps: Pick<Deps, "db" | "clock">, round: RoundRow) {
  if (!round.openedAt) return null;
  const p = roundProgress(deps.db, round);
  // A closed round's rate is its results' (frozen when it closed); an open round's is live.
  const rate = round.status === "closed" ? (frozenSummary(deps.db, round.id)?.responseRate ?? null) : percent(p.submitted, p.invited);
  const to = dayOf(round.closedAt ?? deps.clock.now());
  return {
    invited: fmt.count(p.invited),
    started: fmt.count(p.started),
    submitted: fmt.count(p.submitted),
    rate: round.access === "open" ? null : fmt.percent(rate),
    openAccess: round.access === "open",
    chart: responsesChart(p.byDay, dayOf(round.openedAt), to),
  };
}

/**
 * Which modules the round asks after the themes, in a sentence: "Network map (12 organisations)
 * and maturity matrix". The organisations are counted once the round has copied them at opening.
 */
function modulesLabel(deps: Pick<Deps, "db">, round: RoundRow): string {
  if (round.modules.length === 0) return "None: the temperature check only";
  const parts = round.modules.map((m) => {
    if (m !== "connections" || round.status === "draft") return MODULE_LABELS[m];
    const n = roundOrganisations(deps.db, round.id).length;
    return `${MODULE_LABELS[m]} (${fmt.count(n)} ${n === 1 ? "organisation" : "organisations"})`;
  });
  const sentence = parts.join(" and ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The facilitator's tools for the round's status; null for people who may only look. */
function manageModel(deps: Pick<Deps, "db" | "config">, round: RoundRow, timeZone: string) {
  const invite = round.access === "invite" && round.status !== "closed";
  const coverage = invite ? linkCoverage(deps.db, round) : null;
  return {
    hasControls: round.status !== "closed",
    canOpen: round.status === "draft",
    canChangeClosing: round.status !== "closed",
    canClose: round.status === "open",
    closingLabel: round.status === "open" ? "Extend the round" : "Change the closing date",
    closesLocal: round.closesAt ? toZonedLocal(round.closesAt, timeZone) : "",
    invitations: coverage && {
      roster: fmt.count(coverage.roster),
      withLink: fmt.count(coverage.withLink),
      without: fmt.count(Math.max(0, coverage.roster - coverage.withLink)),
      anyoneWithout: coverage.roster > coverage.withLink,
    },
    // A closed round's link takes no answers: no "anyone can answer", no poster, only what visitors now see.
    openLink:
      round.access !== "open"
        ? null
        : round.status === "closed"
          ? { closed: true, mirrorPublished: Boolean(round.mirrorSlug) }
          : { url: openUrlOf(deps.config, round) },
    mirror: round.status === "closed" ? { url: round.mirrorSlug ? `${deps.config.publicUrl}/m/${round.mirrorSlug}` : null } : null,
  };
}

/**
 * Everything `pages/rounds/round.hbs` shows. Anyone who may view the network sees the facts and the
 * progress; managers also get the controls, links and the members' mirror.
 */
export function roundPageModel(deps: Pick<Deps, "db" | "clock" | "config">, access: RoundAccess) {
  const { round, network, relation } = access;
  const canManage = mayOnNetwork(relation, "manage");
  const zone = network.timeZone;
  return {
    title: round.title,
    network: { id: network.id, name: network.name },
    round: {
      id: round.id,
      title: round.title,
      status: round.status,
      statusLabel: STATUS_LABELS[round.status],
      accessLabel: ACCESS_LABELS[round.access],
      languageLabel: LANGUAGE_LABELS[round.language],
      modulesLabel: modulesLabel(deps, round),
      threshold: fmt.count(round.minResponses),
      opened: round.openedAt ? zonedDateTime(round.openedAt, zone) : null,
      closes: round.closesAt && round.status !== "closed" ? zonedDateTime(round.closesAt, zone) : null,
      closed: round.closedAt ? zonedDateTime(round.closedAt, zone) : null,
    },
    timeZone: zoneLabel(zone, round.closesAt ?? deps.clock.now()),
    progress: progressModel(deps, round),
    canReview: round.status === "closed" && mayOnNetwork(relation, "comments"),
    // The map page counts respondents per organisation: for those who manage the network only.
    networkMapUrl: canManage && round.status === "closed" && hasConnections(round) ? `/rounds/${round.id}/network-map` : null,
    manage: canManage ? manageModel(deps, round, zone) : null,
    email: canManage ? roundEmailSection(deps, round, zone) : null,
  };
}
