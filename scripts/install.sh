#!/usr/bin/env bash
# Installs the locked dependencies on a fresh machine.
# The project runs on the Node 22 that the `node` dependency brings (npm puts node_modules/.bin first on
# every script's PATH), so native addons must be compiled against that Node's headers, not the headers
# of whatever Node the machine has or its npm config names.
set -euo pipefail
cd "$(dirname "$0")/.."
node_package="node-$(node -p 'process.platform + "-" + process.arch')"
export npm_config_nodedir="$PWD/node_modules/node/node_modules/$node_package"
npm ci --no-audit --no-fund
