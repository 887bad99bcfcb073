/**
 * A rule file's content hash: SHA-256 of its parsed value written as canonical JSON (object keys sorted,
 * no whitespace). Layout, comments, key order and JSON-vs-YAML do not change it; any changed value does.
 * So `budget-rules fmt` and the JSON→YAML conversion keep every hash that traces and audit logs carry.
 */
import { sha256Hex } from "../util/sha256";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
