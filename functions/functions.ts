/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * The BUDSJETT custom functions: JSDoc shells over ./calls. functions.json is generated from these
 * comments by custom-functions-metadata at build time (description first, tags after), and the
 * plugin registers each one, so there are no associate() calls here. Every parameter is a matrix:
 * a single cell arrives as [[v]], a range is evaluated cell by cell and the result spills.
 */
import * as calls from "./calls";

/**
 * Evaluerer en hvilken som helst regelfil for fakta gitt som navn og verdier, og gir ett resultatfelt.
 * @customfunction REGEL
 * @param regel Regelfilens id, f.eks. "egenandel".
 * @param fakta To rader (navn over verdier; flere rader gir flere svar), to kolonner (navn og verdier) eller tekst som "alder=17; tjeneste=legevakt".
 * @param [dato] Datoen spørsmålet gjelder (Excel-dato eller tekst ÅÅÅÅ-MM-DD / DD.MM.ÅÅÅÅ). Tom: i dag (1. januar i året for egenandelstak og deflator).
 * @param [scenario] Scenario-id, f.eks. et budsjettalternativ. Tom: vedtatte verdier.
 * @param [felt] Resultatfeltet som skal vises. Tom: regelfilens første utdata.
 * @returns Resultatfeltet (tall, tekst eller SANN/USANN), ett per spørsmål.
 */
export function regel(regel: any[][], fakta: any[][], dato?: any[][], scenario?: any[][], felt?: any[][]): any[][] {
  return calls.regel(regel, fakta, dato ?? null, scenario ?? null, felt ?? null);
}

/**
 * Om pasienten betaler egenandel for tjenesten på datoen: SANN betaler, USANN fritatt.
 * @customfunction EGENANDEL
 * @param alder_eller_fodselsdato Alder i hele år eller fødselsdato (Excel-dato eller tekst).
 * @param tjeneste Tjenesten, f.eks. "fastlege", "legevakt", "psykolog", "psykisk-helsevern", "tsb".
 * @param [dato] Besøksdatoen. Tom: i dag.
 * @param [fritaksgrunn] Fritaksgrunn utover alder, f.eks. "yrkesskade". Tom: ingen.
 * @param [scenario] Scenario-id. Tom: vedtatte verdier.
 * @returns SANN når pasienten betaler egenandel, USANN når pasienten er fritatt.
 */
export function egenandel(
  alder_eller_fodselsdato: any[][],
  tjeneste: any[][],
  dato?: any[][],
  fritaksgrunn?: any[][],
  scenario?: any[][],
): any[][] {
  return calls.egenandel(
    "betaler",
    alder_eller_fodselsdato,
    tjeneste,
    dato ?? null,
    fritaksgrunn ?? null,
    scenario ?? null,
  );
}

/**
 * Grunnkoden for egenandelssvaret, f.eks. "ingen-fritak" eller en fritakskode.
 * @customfunction EGENANDEL.GRUNN
 * @param alder_eller_fodselsdato Alder i hele år eller fødselsdato (Excel-dato eller tekst).
 * @param tjeneste Tjenesten, f.eks. "fastlege" eller "legevakt".
 * @param [dato] Besøksdatoen. Tom: i dag.
 * @param [fritaksgrunn] Fritaksgrunn utover alder. Tom: ingen.
 * @param [scenario] Scenario-id. Tom: vedtatte verdier.
 * @returns Grunnkoden fra regelfilen «egenandel».
 */
export function egenandelGrunn(
  alder_eller_fodselsdato: any[][],
  tjeneste: any[][],
  dato?: any[][],
  fritaksgrunn?: any[][],
  scenario?: any[][],
): any[][] {
  return calls.egenandel(
    "grunn",
    alder_eller_fodselsdato,
    tjeneste,
    dato ?? null,
    fritaksgrunn ?? null,
    scenario ?? null,
  );
}

/**
 * Hvor mye som gjenstår til egenandelstaket (frikort) i året, gitt betalte egenandeler.
 * @customfunction EGENANDELSTAK.GJENSTAR
 * @param ar Året, f.eks. 2026.
 * @param betalt Egenandeler betalt hittil i året, i kroner.
 * @param [scenario] Scenario-id. Tom: vedtatte verdier.
 * @returns Gjenstående beløp i kroner (0 når taket er nådd).
 */
export function egenandelstakGjenstar(ar: any[][], betalt: any[][], scenario?: any[][]): any[][] {
  return calls.egenandelstakGjenstar(ar, betalt, scenario ?? null);
}

/**
 * Regner et beløp om fra ett års prisnivå til et annet med deflatoren for serien.
 * @customfunction DEFLATER
 * @param belop Beløpet i kroner.
 * @param fra Året beløpet er i prisnivået til.
 * @param til Året det skal regnes om til.
 * @param [serie] Deflatorserien, f.eks. "sykehus". Tom: regelfilens standard.
 * @returns Det omregnede beløpet (eksakt desimal fra regelfilen, vist som tall).
 */
export function deflater(belop: any[][], fra: any[][], til: any[][], serie?: any[][]): any[][] {
  return calls.deflater(belop, fra, til, serie ?? null);
}

/**
 * Egenandelen for legemidler på blå resept: 50 %, høyst 520 kr per resept (2025); 60 %, høyst 400 kr per utlevering (fra 1.1.2026). Barn under 16 betaler ikke.
 * @customfunction BLARESEPT
 * @param pris Prisen for resepten (2025) eller utleveringen (fra 2026), i kroner.
 * @param [dato] Utleveringsdatoen. Tom: i dag.
 * @param [alder] Pasientens alder i hele år. Tom: ikke barn under 16.
 * @returns Egenandelen i kroner (eksakt desimal fra regelfilen «blaresept», vist som tall).
 */
export function blaresept(pris: any[][], dato?: any[][], alder?: any[][]): any[][] {
  return calls.blaresept(pris, dato ?? null, alder ?? null);
}

/**
 * Postgruppen en budsjettpost hører til (f.eks. driftsutgifter eller tilskudd), etter regelfilen for budsjettposter.
 * @customfunction POSTGRUPPE
 * @param post Postnummeret, f.eks. 70.
 * @param [kap] Kapittelnummeret, f.eks. 732.
 * @returns Postgruppen som tekst.
 */
export function postgruppe(post: any[][], kap?: any[][]): any[][] {
  return calls.postgruppe(post, kap ?? null);
}

/**
 * Evaluerer en tilskuddsregel (regelfiler i rules/grants/) for faktaene og gir ett resultatfelt.
 * @customfunction TILSKUDD
 * @param regel Tilskuddsregelens id.
 * @param fakta To rader (navn over verdier), to kolonner (navn og verdier) eller tekst som "navn=verdi; navn=verdi".
 * @param [dato] Datoen spørsmålet gjelder. Tom: i dag.
 * @param [scenario] Scenario-id. Tom: vedtatte verdier.
 * @param [felt] Resultatfeltet. Tom: regelfilens første utdata.
 * @returns Resultatfeltet, ett per spørsmål.
 */
export function tilskudd(regel: any[][], fakta: any[][], dato?: any[][], scenario?: any[][], felt?: any[][]): any[][] {
  return calls.tilskudd(regel, fakta, dato ?? null, scenario ?? null, felt ?? null);
}

/**
 * Forklarer svaret: regelfil, dato, fakta, parametere med gyldighetsdato, reglene som slo til og kildene (linjer i grunnlaget).
 * @customfunction FORKLAR
 * @param regel Regelfilens id, f.eks. "egenandel".
 * @param fakta To rader (navn over verdier), to kolonner (navn og verdier) eller tekst som "alder=17; tjeneste=legevakt".
 * @param [dato] Datoen spørsmålet gjelder. Tom: i dag (1. januar i året for egenandelstak og deflator).
 * @param [scenario] Scenario-id. Tom: vedtatte verdier.
 * @returns Sporet som lesbar tekst (flere linjer).
 */
export function forklar(regel: any[][], fakta: any[][], dato?: any[][], scenario?: any[][]): any[][] {
  return calls.forklar(regel, fakta, dato ?? null, scenario ?? null);
}

/**
 * Forklarer svaret som et kort (datatype): cellen viser svaret, kortet viser regelfil, dato, parametere med gyldighetsdato og kilder. Krever Excel med datatyper (ExcelApi 1.16); bruk ellers FORKLAR.
 * @customfunction FORKLAR.KORT
 * @param regel Regelfilens id, f.eks. "egenandel".
 * @param fakta To rader (navn over verdier), to kolonner (navn og verdier) eller tekst som "alder=17; tjeneste=legevakt".
 * @param [dato] Datoen spørsmålet gjelder. Tom: i dag (1. januar i året for egenandelstak og deflator).
 * @param [scenario] Scenario-id. Tom: vedtatte verdier.
 * @returns Et kort (Excel-entitet) med sporet.
 */
export function forklarKort(regel: any[][], fakta: any[][], dato?: any[][], scenario?: any[][]): any[][] {
  return calls.forklar(regel, fakta, dato ?? null, scenario ?? null, "entity");
}
