import { DONT_KNOW } from "../db/schema/answers";
import { MAX_ROUND_ORGANISATIONS } from "../db/schema/organisations";
import { MATURITY_V1 } from "../maturity/matrix-v1";
import type { ConnectionsAnswer, Level, MaturityMarks, MaturityValue, PartnerAnswer } from "./module-schemas";
import type { SurveyDraft } from "./schemas";

// The modules' block at the end of a version-2 payload, the same size whatever was answered:
//   maturity:     per dimension of MATURITY_V1 (8), current then target (1 byte each)
//   connections:  own organisation (1 byte), then per position 0 … MAX_ROUND_ORGANISATIONS − 1:
//                 level, trust, value (1 byte each)
// 0xff is "not given" everywhere. Maturity: 0 is "don't know", 1–4 the levels. Own organisation: a
// position, or NOT_LISTED / PREFER_NOT. Level: 0 is "ticked, no level chosen yet", 1–4 the levels.

const NONE = 0xff;
const NOT_LISTED = 0xfe;
const PREFER_NOT = 0xfd;
const DIMENSIONS = MATURITY_V1.dimensions.map((d) => d.code);
const MATURITY_BYTES = DIMENSIONS.length * 2;
const PARTNER_BYTES = 3;

/** The size of the modules' block. */
export const MODULES_BYTES = MATURITY_BYTES + 1 + MAX_ROUND_ORGANISATIONS * PARTNER_BYTES;

const markByte = (value: MaturityValue | undefined) => (value === undefined ? NONE : value === "dont_know" ? DONT_KNOW : value);
const markOf = (byte: number): MaturityValue | undefined =>
  byte === DONT_KNOW ? "dont_know" : byte >= 1 && byte <= 4 ? (byte as MaturityValue) : undefined;
const levelOf = (byte: number): Level | undefined => (byte >= 1 && byte <= 4 ? (byte as Level) : undefined);

function ownByte(organisation: ConnectionsAnswer["organisation"]): number {
  if (organisation === undefined) return NONE;
  if (organisation === "not_listed") return NOT_LISTED;
  if (organisation === "prefer_not_to_say") return PREFER_NOT;
  if (!Number.isInteger(organisation) || organisation < 0 || organisation >= MAX_ROUND_ORGANISATIONS)
    throw new Error(`Cannot store organisation position ${organisation}`);
  return organisation;
}

/** Writes the modules' answers of a checked response or draft into `out` (MODULES_BYTES long). */
export function encodeModules(input: SurveyDraft, out: Buffer): void {
  out.fill(NONE, 0, MODULES_BYTES);
  for (const [code, mark] of Object.entries(input.maturity ?? {})) {
    const d = DIMENSIONS.indexOf(code);
    if (d < 0) throw new Error(`Cannot store a maturity mark on "${code}"`);
    out[2 * d] = markByte(mark.current);
    out[2 * d + 1] = markByte(mark.target);
  }
  const connections = input.connections;
  out[MATURITY_BYTES] = ownByte(connections?.organisation);
  for (const partner of connections?.partners ?? []) {
    const at = MATURITY_BYTES + 1 + ownByte(partner.organisation) * PARTNER_BYTES;
    out[at] = partner.level ?? 0;
    out[at + 1] = partner.trust ?? NONE;
    out[at + 2] = partner.value ?? NONE;
  }
}

/** The modules' answers held in `bytes` (from encodeModules): only the fields that were given. */
export function decodeModules(bytes: Buffer): Pick<SurveyDraft, "maturity" | "connections"> {
  const byte = (i: number) => bytes[i] ?? NONE;
  const maturity: MaturityMarks = {};
  DIMENSIONS.forEach((code, d) => {
    const current = markOf(byte(2 * d));
    const target = markOf(byte(2 * d + 1));
    if (current !== undefined || target !== undefined)
      maturity[code] = { ...(current === undefined ? {} : { current }), ...(target === undefined ? {} : { target }) };
  });
  const own = byte(MATURITY_BYTES);
  const organisation =
    own === NOT_LISTED ? "not_listed" : own === PREFER_NOT ? "prefer_not_to_say" : own < MAX_ROUND_ORGANISATIONS ? own : undefined;
  const partners: PartnerAnswer[] = [];
  for (let p = 0; p < MAX_ROUND_ORGANISATIONS; p++) {
    const at = MATURITY_BYTES + 1 + p * PARTNER_BYTES;
    if (byte(at) === NONE) continue;
    const level = levelOf(byte(at));
    const trust = levelOf(byte(at + 1));
    const value = levelOf(byte(at + 2));
    partners.push({
      organisation: p,
      ...(level === undefined ? {} : { level }),
      ...(trust === undefined ? {} : { trust }),
      ...(value === undefined ? {} : { value }),
    });
  }
  const connections: ConnectionsAnswer = {
    ...(organisation === undefined ? {} : { organisation }),
    ...(partners.length > 0 ? { partners } : {}),
  };
  return {
    ...(Object.keys(maturity).length > 0 ? { maturity } : {}),
    ...(Object.keys(connections).length > 0 ? { connections } : {}),
  };
}
