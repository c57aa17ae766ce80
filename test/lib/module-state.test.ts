// No module-level mutable state in src/: what an app keeps between requests is built by appDeps
// (src/app.ts) and handed over in deps, so two apps (two tests) never share a counter, a cache or a
// prepared statement. Module constants are fine as long as nothing changes them after load.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src", import.meta.url));

const MUTATORS = new Set([
  "set",
  "delete",
  "clear",
  "add",
  "push",
  "pop",
  "shift",
  "unshift",
  "splice",
  "sort",
  "reverse",
  "fill",
  "copyWithin",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith(".ts") ? [join(dir, entry.name)] : [],
  );
}

/** The name at the root of `a.b[c].d` (the module constant being reached into), if it is a plain name. */
function rootName(node: ts.Expression): string | undefined {
  let at: ts.Expression = node;
  while (ts.isPropertyAccessExpression(at) || ts.isElementAccessExpression(at) || ts.isNonNullExpression(at)) at = at.expression;
  return ts.isIdentifier(at) ? at.text : undefined;
}

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** Problems in one file's source: top-level let/var, and module constants changed anywhere in the file. */
function moduleStateProblems(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const problems: string[] = [];
  const constants = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of list.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      if (!isConst) problems.push(`top-level let/var ${declaration.name.text}`);
      else constants.add(declaration.name.text);
    }
  }
  const changed = (name: string | undefined, how: string) => {
    if (name && constants.has(name)) problems.push(`module constant ${name} is changed (${how})`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text))
      changed(rootName(node.expression.expression), `.${node.expression.name.text}()`);
    if (ts.isBinaryExpression(node) && ASSIGNMENTS.has(node.operatorToken.kind) && !ts.isIdentifier(node.left))
      changed(rootName(node.left), "assignment");
    if ((ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node)) && !ts.isIdentifier(node.operand))
      if (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
        changed(rootName(node.operand), "++/--");
    ts.forEachChild(node, visit);
  };
  // Only code that runs after load: function bodies (building a constant at load is fine). A local or
  // parameter of the same name shadows the constant inside its function.
  const inFunctions = (node: ts.Node) => {
    if (ts.isFunctionLike(node)) {
      const locals = new Set<string>();
      const collect = (n: ts.Node) => {
        if ((ts.isVariableDeclaration(n) || ts.isParameter(n)) && ts.isIdentifier(n.name)) locals.add(n.name.text);
        ts.forEachChild(n, collect);
      };
      collect(node);
      const shadowed = [...locals].filter((name) => constants.has(name));
      for (const name of shadowed) constants.delete(name);
      visit(node);
      for (const name of shadowed) constants.add(name);
      return;
    }
    ts.forEachChild(node, inFunctions);
  };
  inFunctions(source);
  return problems;
}

describe("module-level state in src/", () => {
  it("has none: no top-level let or var, and no module constant changed after load", () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const name = relative(SRC, file);
      for (const problem of moduleStateProblems(name, readFileSync(file, "utf8"))) found.push(`${name}: ${problem}`);
    }
    expect(found).toEqual([]);
  });

  it("would see each kind of module state", () => {
    const code = `
      let count = 0;
      const cache = new Map();
      const list = [];
      const stats = { n: 0 };
      const frozen = new Map([["a", 1]]);
      export function f(key) {
        cache.set(key, 1);
        list.push(key);
        stats.n++;
        stats.total += 1;
        return frozen.get(key);
      }
      export function g(cache) { cache.set(1, 2); }
    `;
    expect(moduleStateProblems("x.ts", code)).toEqual([
      "top-level let/var count",
      "module constant cache is changed (.set())",
      "module constant list is changed (.push())",
      "module constant stats is changed (++/--)",
      "module constant stats is changed (assignment)",
    ]);
  });
});
