/** An ASCII-only slug for file names: accents dropped, anything else becomes a dash. */
export function slugify(text: string, fallback: string, max = 50): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, max)
    .replace(/^-+|-+$/g, "");
  return slug || fallback;
}

/**
 * The download name of a report.
 * @example reportFilename("Zorgnetwerk Noord", "Voorjaar 2026", "nl") // "mirror-report-zorgnetwerk-noord-voorjaar-2026-nl.pdf"
 */
export function reportFilename(networkName: string, roundTitle: string, lang: string): string {
  return `mirror-report-${slugify(networkName, "network")}-${slugify(roundTitle, "round")}-${lang}.pdf`;
}
