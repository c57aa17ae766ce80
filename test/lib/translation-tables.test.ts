// Translations live in src/i18n/ only (one source of truth per fact, STYLE.md): a table of words
// keyed by language elsewhere is a catalogue nobody will find when adding a language or fixing a
// Dutch sentence. Found by parsing src/ with the TypeScript compiler: a module-level object whose
// keys are the languages, holding strings or objects of strings (or of functions that make them).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../../src/instrument";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** The expression under `as`, `satisfies`, `!` and parentheses. */
function bare(node: ts.Expression): ts.Expression {
  let at = node;
  while (ts.isAsExpression(at) || ts.isSatisfiesExpression(at) || ts.isParenthesizedExpression(at) || ts.isNonNullExpression(at))
    at = at.expression;
  return at;
}

function keyOf(property: ts.ObjectLiteralElementLike): string | undefined {
  if (ts.isShorthandPropertyAssignment(property)) return property.name.text;
  if (!ts.isPropertyAssignment(property) && !ts.isMethodDeclaration(property)) return undefined;
  const name = property.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** Words: a string, a function (arrow or method) making one, or an object or array of words. */
function isWords(node: ts.Expression): boolean {
  const value = bare(node);
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) || ts.isTemplateExpression(value)) return true;
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return true;
  if (ts.isArrayLiteralExpression(value)) return value.elements.length > 0 && value.elements.every((e) => isWords(e));
  if (ts.isObjectLiteralExpression(value))
    return (
      value.properties.length > 0 &&
      value.properties.every((p) => ts.isMethodDeclaration(p) || (ts.isPropertyAssignment(p) && isWords(p.initializer)))
    );
  return false;
}

/** Whether an object's keys are exactly the languages and each holds words (or names words kept elsewhere). */
function isTranslationTable(node: ts.Expression): boolean {
  const value = bare(node);
  if (!ts.isObjectLiteralExpression(value)) return false;
  const keys = value.properties.map(keyOf);
  if (keys.length !== LANGUAGES.length || !LANGUAGES.every((lang) => keys.includes(lang))) return false;
  return value.properties.every(
    (p) =>
      ts.isShorthandPropertyAssignment(p) ||
      ts.isMethodDeclaration(p) ||
      (ts.isPropertyAssignment(p) && (ts.isIdentifier(bare(p.initializer)) || isWords(p.initializer))),
  );
}

/**
 * The translation tables in one file's source: a module-level constant that is one, or holds one
 * inside its objects and arrays (`{ purpose: { en, nl } }`), named by its path. Objects passed to
 * calls (a zod schema's `{ en: text, nl: text }`) and those built inside functions are not tables.
 */
function translationTables(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Expression, path: string) => {
    const value = bare(node);
    if (isTranslationTable(value)) found.push(path);
    else if (ts.isArrayLiteralExpression(value)) for (const [i, e] of value.elements.entries()) visit(e, `${path}[${i}]`);
    else if (ts.isObjectLiteralExpression(value))
      for (const p of value.properties) if (ts.isPropertyAssignment(p)) visit(p.initializer, `${path}.${keyOf(p) ?? "?"}`);
  };
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations)
      if (declaration.initializer) visit(declaration.initializer, declaration.name.getText(source));
  }
  return found;
}

// The instrument and the maturity matrix are versioned content, not the interface's words: every
// text sits beside its item's stable code and version, and a round keeps the version it opened with.
const VERSIONED_CONTENT = [join("instrument", "core-v1.ts"), join("maturity", "matrix-v1.ts")];

describe("translation tables", () => {
  it("live only in src/i18n/", () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const name = relative(SRC, file);
      if (name.startsWith(`i18n${sep}`) || VERSIONED_CONTENT.includes(name)) continue;
      for (const table of translationTables(name, readFileSync(file, "utf8"))) found.push(`${name}: ${table}`);
    }
    expect(found).toEqual([]);
  });

  it("are found in each shape they come in, and nothing else is", () => {
    const code = `
      const A: Record<Lang, string> = { en: "Not answered", nl: "Niet beantwoord" };
      export const B = { nl: { admin: "beheerder" }, en: { admin: "administrator" } } as const;
      const C = { en: { heading: (n: string) => \`How is \${n}?\`, list: ["a"] }, "nl": { heading: (n) => n, list: ["b"] } } satisfies X;
      const D = { en, nl };
      const E = { en: EN_TEXT, nl: NL_TEXT };
      const notLanguages = { en: "x", de: "y" };
      const onlyOne = { en: "x" };
      const numbers = { en: 1, nl: 2 };
      const made = { en: makeFormatter("en"), nl: makeFormatter("nl") };
      const deeper = { purpose: { en: "Purpose", nl: "Doel" }, list: [{ label: { en: "a", nl: "b" } }] };
      const schema = z.strictObject({ en: text, nl: text });
      export function f() { const inside = { en: "a", nl: "b" }; return inside; }
    `;
    expect(translationTables("x.ts", code)).toEqual(["A", "B", "C", "D", "E", "deeper.purpose", "deeper.list[0].label"]);
  });

  it("leaves out only the versioned content, which holds texts in both languages", () => {
    for (const name of VERSIONED_CONTENT)
      expect(translationTables(name, readFileSync(join(SRC, name), "utf8")).length, name).toBeGreaterThan(0);
  });
});
