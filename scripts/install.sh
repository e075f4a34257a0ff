#!/usr/bin/env bash
# Installs the locked dependencies, Node 22 included. With --if-needed it does nothing when the
# installed tree already matches package-lock.json, so the README's commands can call it every time.
#
# The project runs on the Node 22 that the `node` dependency brings (npm puts node_modules/.bin first
# on every script's PATH), so native addons must be compiled against that Node's headers, not those of
# the machine's Node or whatever its npm config names.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.comeback-lock-hash
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ "${1:-}" == "--if-needed" && -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then
  exit 0
fi

node_package="node-$(node -p 'process.platform + "-" + process.arch')"
export npm_config_nodedir="$PWD/node_modules/node/node_modules/$node_package"
npm ci --no-audit --no-fund
echo "$lock_hash" > "$stamp"
