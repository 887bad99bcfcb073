#!/usr/bin/env bash
# npm audit of runtime dependencies: fails on high/critical advisories. If the registry's advisory
# endpoint does not answer (it returns HTTP 405 on this network), say so plainly instead of passing silently.
set -u
out=$(npm audit --omit=dev --audit-level=high 2>&1); code=$?
if [ $code -eq 0 ]; then echo "npm audit --omit=dev: no high or critical advisories"; exit 0; fi
if grep -q "audit endpoint returned an error" <<<"$out"; then
  echo "npm audit --omit=dev: NOT CHECKED – the registry's advisory endpoint refused the request on this network:"
  grep -m1 "npm warn audit" <<<"$out" || true
  exit 0
fi
echo "$out"
exit $code
