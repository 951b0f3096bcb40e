#!/usr/bin/env bash
# Runs a command with the pinned Node first on PATH (installed on first use), so `npm start`
# and `npm test` work on a machine whose own Node is older than the one Temporal needs.
set -euo pipefail
. "$(dirname "$0")/use-node.sh"
exec "$@"
