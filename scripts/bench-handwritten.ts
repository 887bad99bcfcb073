/**
 * The practical ceiling for the benchmark: the user-fee rule (rules/user-fees/egenandel.yaml,
 * hit policy first, every service and dated parameter it has) written by hand as plain TypeScript,
 * for already-valid facts {alder, tjeneste, fritaksgrunn, oppfolgingssamtale} and an ISO date. No
 * validation, no provenance: this is what the engine competes against. test/bench-handwritten.test.ts
 * holds it to the engine's answers, so a rule change that it misses fails the suite.
 */
export interface Fee {
  betaler: boolean;
  grunn: string;
}

const R = (betaler: boolean, grunn: string): Fee => Object.freeze({ betaler, grunn });
const UNDER_16 = R(false, "under-16");
const UNDER_16_BEDOVELSE = R(false, "under-16-bedovelse-bandasje");
const UNG_ALLM = R(false, "ung-fastlege-legevakt");
const UNG_PHV = R(false, "ung-phv-tsb");
const UNG_PSYK = R(false, "ung-psykoterapi");
const BETALER = R(true, "ingen-fritak");
const UNG_VOKSEN_TANN = R(true, "ung-voksen-75-pst");
const GRUNN: Record<string, Fee> = {};
for (const g of [
  "svangerskap",
  "yrkesskade",
  "krigsskade",
  "smittsom-sykdom",
  "seksuelle-overgrep",
  "oppfolging-abort",
  "hiv",
  "krisepsykologi",
])
  GRUNN[g] = R(false, g);

const LEGE = new Set(["fastlege", "legevakt", "legespesialist", "legespesialist-psykoterapi"]);
const ALLM = new Set(["fastlege", "legevakt"]);
const BETALER_UTEN_GRUNN = new Set([...LEGE, "psykolog", "psykisk-helsevern", "tsb"]);

/** The rule file's dated parameters in force on an ISO date. */
interface Limits {
  allm: number;
  phv: number;
  maksTann: number;
  abort: boolean;
  bedovelse: boolean;
}

/** null after 2026: the parameters' last values hold to the end of the budget year (rules/README.md «How long a value holds»). */
function limitsOn(date: string): Limits | null {
  if (date > "2026-12-31") return null;
  return {
    allm: date >= "2026-08-01" ? 18 : 16,
    phv: date >= "2025-01-01" ? 26 : 18,
    maksTann: date >= "2025-01-01" ? 28 : 26,
    abort: date >= "2026-01-01",
    bedovelse: date >= "2025-07-01",
  };
}

/** Returns null where the rule file has no answer (no rule fires). Dated parameters as in the rule file. */
export function egenandelByHand(
  alder: number,
  tjeneste: string,
  fritaksgrunn: string,
  samtale: number,
  date: string,
): Fee | null {
  const limits = limitsOn(date);
  if (limits === null) return null;
  const { allm: grenseAllm, phv: grensePhv, maksTann, abort: abortFritak, bedovelse: bedovelseFritak } = limits;
  const bedovelse = tjeneste === "bedovelse" || tjeneste === "bandasjemateriell";
  if (alder < 16 && LEGE.has(tjeneste)) return UNDER_16;
  if (bedovelse && alder < 16 && bedovelseFritak) return UNDER_16_BEDOVELSE;
  if (alder < grenseAllm && ALLM.has(tjeneste)) return UNG_ALLM;
  if (alder < grensePhv && (tjeneste === "psykisk-helsevern" || tjeneste === "tsb")) return UNG_PHV;
  if (alder < 27 && (tjeneste === "psykolog" || tjeneste === "legespesialist-psykoterapi")) return UNG_PSYK;
  switch (fritaksgrunn) {
    case "svangerskap":
    case "yrkesskade":
    case "krigsskade":
    case "smittsom-sykdom":
      if (LEGE.has(tjeneste)) return GRUNN[fritaksgrunn];
      break;
    case "seksuelle-overgrep":
      if (ALLM.has(tjeneste)) return GRUNN[fritaksgrunn];
      break;
    case "oppfolging-abort":
      if ((ALLM.has(tjeneste) || tjeneste === "poliklinikk") && abortFritak && samtale <= 2) return GRUNN[fritaksgrunn];
      break;
    case "hiv":
    case "krisepsykologi":
      if (tjeneste === "psykolog") return GRUNN[fritaksgrunn];
      break;
  }
  if (fritaksgrunn === "ingen") {
    if (BETALER_UTEN_GRUNN.has(tjeneste)) return BETALER;
    if (tjeneste === "poliklinikk" && alder >= 16) return BETALER;
    if (bedovelse && (alder >= 16 || !bedovelseFritak)) return BETALER;
    if ((tjeneste === "fysioterapi" || tjeneste === "tannbehandling") && alder >= 16) return BETALER;
    if (tjeneste === "offentlig-tannhelse" && alder >= 19 && alder <= maksTann) return UNG_VOKSEN_TANN;
    return null;
  }
  if (
    fritaksgrunn === "oppfolging-abort" &&
    (ALLM.has(tjeneste) || (tjeneste === "poliklinikk" && alder >= 16)) &&
    (!abortFritak || samtale > 2)
  )
    return BETALER;
  return null;
}

/**
 * The same rules written for speed, as a careful programmer would for one hot loop: each service to a
 * small number by a switch, the date's limits worked out once per date, no Set lookups. Reported beside
 * the plain function, so the engine's ratio to both is on record.
 */
const enum Tj {
  Fastlege,
  Legevakt,
  Legespesialist,
  LegespesialistPsykoterapi,
  Psykolog,
  PsykiskHelsevern,
  Tsb,
  Poliklinikk,
  Fysioterapi,
  Tannbehandling,
  OffentligTannhelse,
  Bedovelse,
  Bandasjemateriell,
  Annen,
}

function tjenesteCode(t: string): Tj {
  switch (t) {
    case "fastlege":
      return Tj.Fastlege;
    case "legevakt":
      return Tj.Legevakt;
    case "legespesialist":
      return Tj.Legespesialist;
    case "legespesialist-psykoterapi":
      return Tj.LegespesialistPsykoterapi;
    case "psykolog":
      return Tj.Psykolog;
    case "psykisk-helsevern":
      return Tj.PsykiskHelsevern;
    case "tsb":
      return Tj.Tsb;
    case "poliklinikk":
      return Tj.Poliklinikk;
    case "fysioterapi":
      return Tj.Fysioterapi;
    case "tannbehandling":
      return Tj.Tannbehandling;
    case "offentlig-tannhelse":
      return Tj.OffentligTannhelse;
    case "bedovelse":
      return Tj.Bedovelse;
    case "bandasjemateriell":
      return Tj.Bandasjemateriell;
  }
  return Tj.Annen;
}

let limitsFor = "";
let limits: Limits | null = null;

export function egenandelByHandTuned(
  alder: number,
  tjeneste: string,
  fritaksgrunn: string,
  samtale: number,
  date: string,
): Fee | null {
  if (date !== limitsFor) {
    limitsFor = date;
    limits = limitsOn(date);
  }
  if (limits === null) return null;
  const t = tjenesteCode(tjeneste);
  const lege = t <= Tj.LegespesialistPsykoterapi;
  const allm = t <= Tj.Legevakt;
  const bedovelse = t === Tj.Bedovelse || t === Tj.Bandasjemateriell;
  if (alder < 16 && lege) return UNDER_16;
  if (bedovelse && alder < 16 && limits.bedovelse) return UNDER_16_BEDOVELSE;
  if (alder < limits.allm && allm) return UNG_ALLM;
  if (alder < limits.phv && (t === Tj.PsykiskHelsevern || t === Tj.Tsb)) return UNG_PHV;
  if (alder < 27 && (t === Tj.Psykolog || t === Tj.LegespesialistPsykoterapi)) return UNG_PSYK;
  if (fritaksgrunn === "ingen") {
    if (t <= Tj.Tsb) return BETALER;
    if (t === Tj.Poliklinikk) return alder >= 16 ? BETALER : null;
    if (bedovelse) return alder >= 16 || !limits.bedovelse ? BETALER : null;
    if (t === Tj.Fysioterapi || t === Tj.Tannbehandling) return alder >= 16 ? BETALER : null;
    if (t === Tj.OffentligTannhelse && alder >= 19 && alder <= limits.maksTann) return UNG_VOKSEN_TANN;
    return null;
  }
  switch (fritaksgrunn) {
    case "svangerskap":
    case "yrkesskade":
    case "krigsskade":
    case "smittsom-sykdom":
      return lege ? GRUNN[fritaksgrunn] : null;
    case "seksuelle-overgrep":
      return allm ? GRUNN[fritaksgrunn] : null;
    case "oppfolging-abort":
      if ((allm || t === Tj.Poliklinikk) && limits.abort && samtale <= 2) return GRUNN[fritaksgrunn];
      if ((allm || (t === Tj.Poliklinikk && alder >= 16)) && (!limits.abort || samtale > 2)) return BETALER;
      return null;
    case "hiv":
    case "krisepsykologi":
      return t === Tj.Psykolog ? GRUNN[fritaksgrunn] : null;
  }
  return null;
}

/** The fixture rule (test/fixtures/rules-basic mini-egenandel) by hand, used when egenandel.json is absent. */
export function miniByHand(
  alder: number,
  tjeneste: string,
  date: string,
): { betaler: boolean; grunn: string; rest: string; faktor: string } {
  const grense = date >= "2026-08-01" ? 18 : 16;
  const tak = date >= "2026-01-01" ? 3406 : 3278;
  const under = alder < grense && (tjeneste === "fastlege" || tjeneste === "legevakt");
  return {
    betaler: !under,
    grunn: under ? "under-aldersgrense" : "ingen-fritak",
    rest: String(Math.max(tak - 100.3, 0)),
    faktor: "1.069152",
  };
}
