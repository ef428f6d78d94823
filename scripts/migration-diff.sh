#!/usr/bin/env bash
# Prints the SQL that turns the committed data model (HEAD:prisma/schema) into
# the one in the working tree. Review it, keep only your own statements, and
# save it as prisma/migrations/<timestamp>_<name>/migration.sql.
#   scripts/migration-diff.sh [git-revision]
set -euo pipefail
rev="${1:-HEAD}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git archive "$rev" prisma/schema | tar -x -C "$work"
mkdir -p "$work/data"
DATA_DIR="$work/data" PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_QUERY_ENGINE_LIBRARY=/bin/false \
  npx --no-install prisma migrate diff \
  --from-schema-datamodel "$work/prisma/schema" --to-schema-datamodel prisma/schema --script 2>/dev/null
