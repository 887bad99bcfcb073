/**
 * The one layout of a YAML rule file (`budget-rules fmt`): keys in the order the schema declares them,
 * long texts as folded blocks wrapped at ~100 columns, multi-line texts as literal blocks, short lists and
 * small objects of plain values on one line, a blank line between top-level sections. It works on the yaml
 * Document, so the author's comments stay with the keys and items they sit on. Meaning never changes:
 * the result is parsed again and must give the same value.
 */
import { Document, isMap, isScalar, isSeq, Scalar, type Node } from "yaml";
import { ruleFileSchema, scenarioSchema } from "../model/schema";
import { canonicalJson } from "./content-hash";
import { parseYamlText } from "./yaml-text";
import { isScenarioPath } from "./loader";

export const LINE_WIDTH = 100;
/** Texts longer than this never sit inside a one-line list or object, and get a blank line before them at the top. */
const FOLD_LENGTH = 72;
/** A list or object of plain values whose JSON is at most this long is written on one line. */
const FLOW_LENGTH = 80;

type Schema = { _zod: { def: Record<string, unknown> & { type: string } } } | undefined;
const defOf = (s: Schema) => s?._zod?.def;

/** Looks through optional/default/lazy/pipe wrappers to the schema that says what the value is. */
function unwrap(s: Schema): Schema {
  for (let i = 0; i < 16 && s; i++) {
    const d = defOf(s)!;
    if (d.type === "optional" || d.type === "default" || d.type === "nullable" || d.type === "readonly")
      s = d.innerType as Schema;
    else if (d.type === "lazy") s = (d.getter as () => Schema)();
    else if (d.type === "pipe") s = d.in as Schema;
    else return s;
  }
  return s;
}

/** The object schema for a map: itself, or the union member whose keys include all the map's keys. */
function objectSchema(s: Schema, keys: string[]): Schema {
  const u = unwrap(s);
  const d = defOf(u);
  if (!d) return undefined;
  if (d.type === "object") return u;
  if (d.type !== "union") return undefined;
  const objects = (d.options as Schema[]).map(unwrap).filter((o) => defOf(o)?.type === "object");
  return objects.find((o) => keys.every((k) => k in (defOf(o)!.shape as object))) ?? undefined;
}

function childSchema(s: Schema, key: string | number, keys: string[]): Schema {
  const u = unwrap(s);
  const d = defOf(u);
  if (!d) return undefined;
  if (d.type === "record") return d.valueType as Schema;
  if (d.type === "array") return d.element as Schema;
  if (d.type === "tuple") return (d.items as Schema[])[key as number];
  const o = objectSchema(u, keys);
  return o ? ((defOf(o)!.shape as Record<string, Schema>)[key] ?? undefined) : undefined;
}

const hasComment = (n: Node | null | undefined): boolean => !!n && (!!n.comment || !!n.commentBefore);

/** A list or object of plain short values (or of such small objects), with no comments inside. */
function fitsOnOneLine(node: Node, startColumn: number): boolean {
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (hasComment(n)) return false;
    if (isScalar(n)) {
      if (typeof n.value === "string" && (n.value.length > FOLD_LENGTH / 2 || n.value.includes("\n"))) return false;
    } else if (isMap(n)) {
      for (const p of n.items) {
        if (hasComment(p.key as Node) || hasComment(p.value as Node)) return false;
        stack.push(p.value as Node);
      }
    } else if (isSeq(n)) stack.push(...(n.items as Node[]));
    else return false;
  }
  const length = JSON.stringify(node.toJSON()).length;
  return length <= FLOW_LENGTH && startColumn + length + 4 <= LINE_WIDTH;
}

/** `room`: the columns used on the line before the value (indent, `key: ` or `- `). */
function styleScalar(n: Scalar, room: number): void {
  if (typeof n.value === "string") {
    // +2 for the quotes the text may need: a text that does not fit on its line is folded on its own lines.
    const long = room + n.value.length + 2 > LINE_WIDTH;
    n.type = n.value.includes("\n") ? Scalar.BLOCK_LITERAL : long ? Scalar.BLOCK_FOLDED : undefined;
  } else {
    n.type = undefined;
    delete n.format;
    delete n.minFractionDigits;
  }
}

const keyName = (p: { key: unknown }) => String((p.key as Scalar).value);

/**
 * Lays out `node`, whose block content starts at column `col` (maps: their keys; lists: their dashes);
 * a scalar's line already holds `room` characters. Lists are indented under their key (`indentSeq`).
 */
function arrange(node: Node | null, schema: Schema, col: number, room: number, top: boolean): void {
  if (!node) return;
  node.spaceBefore = false;
  if (isScalar(node)) return styleScalar(node, col + room);
  if (isMap(node)) {
    const keys = node.items.map(keyName);
    const obj = objectSchema(schema, keys);
    if (obj) {
      const order = Object.keys(defOf(obj)!.shape as object);
      const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
      const indexed = node.items.map((p, i) => ({ p, i, r: rank(keyName(p)) }));
      indexed.sort((a, b) => a.r - b.r || a.i - b.i);
      node.items = indexed.map((x) => x.p);
    }
    node.items.forEach((p, i) => {
      const key = p.key as Scalar;
      key.type = undefined;
      const value = p.value as Node | null;
      // A blank line before each top-level section (a list, an object or a long text), none inside them.
      key.spaceBefore =
        top && i > 0 && (!isScalar(value) || (typeof value.value === "string" && value.value.length > FOLD_LENGTH));
      arrange(
        value,
        childSchema(schema, keyName(p), keys),
        isScalar(value) ? col : col + 2,
        keyName(p).length + 2,
        false,
      );
    });
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => arrange(item as Node, childSchema(schema, i, []), col + 2, 0, false));
  } else return;
  node.flow = !top && fitsOnOneLine(node, col + room);
}

function schemaFor(path: string): Schema {
  return (isScenarioPath(path) ? scenarioSchema : ruleFileSchema) as unknown as Schema;
}

/** The canonical text of a parsed YAML rule document (mutates `doc`). Throws if it would change the value. */
export function layoutYaml(doc: Document, path: string): string {
  const before = canonicalJson(doc.toJS());
  arrange(doc.contents as Node, schemaFor(path), 0, 0, true);
  // The folding of the yaml package may overshoot its width by a word's end: aim a little short.
  const text = doc.toString({ lineWidth: LINE_WIDTH - 4, minContentWidth: 40, flowCollectionPadding: true });
  const again = parseYamlText(text);
  if (!again.ok || canonicalJson(again.value) !== before)
    throw new Error(`${path}: oppsettet ville endret innholdet (feil i budget-rules fmt)`);
  return text;
}

/** A new YAML document for a JSON rule value, with comments from `comments` (path → text), laid out. */
export function yamlFromValue(value: unknown, path: string, comments: (doc: Document) => void): string {
  const doc = new Document(value);
  comments(doc);
  return layoutYaml(doc, path);
}
