#!/usr/bin/env bash
# Build and install the pgvector extension into the local PostgreSQL 15
# (Debian bookworm). pgvector is not in bookworm's main suite, so the source
# package is fetched from Debian trixie using a *private* apt state directory
# (the system's package lists are left untouched) and built against
# postgresql-server-dev-15.
#
# Idempotent: exits immediately if vector.control is already installed.
#
# Environment overrides (optional):
#   PGHOST (default 127.0.0.1), PGPORT (default 5432), PGUSER (default postgres)
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
SOURCE_SUITE=trixie
SOURCE_PKG=pgvector
CHECK_DB=pgvector_check
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
# Silence "does not exist, skipping" NOTICEs from DROP DATABASE IF EXISTS.
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"

log() { printf '[install-pgvector] %s\n' "$*"; }
die() { printf '[install-pgvector] ERROR: %s\n' "$*" >&2; exit 1; }

# psql: prefer the one on PATH (postgresql-common wrapper), else PG15's own.
if command -v psql >/dev/null 2>&1; then
  PSQL=(psql)
else
  PSQL=(/usr/lib/postgresql/15/bin/psql)
fi
PSQL+=(-X -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER")

verify() {
  log "Verifying in throwaway database '$CHECK_DB' on $PGHOST:$PGPORT as $PGUSER..."
  "${PSQL[@]}" -d postgres -q -c "DROP DATABASE IF EXISTS $CHECK_DB" >/dev/null
  "${PSQL[@]}" -d postgres -q -c "CREATE DATABASE $CHECK_DB" >/dev/null
  local version rc=0
  version="$("${PSQL[@]}" -d "$CHECK_DB" -tA \
    -c "CREATE EXTENSION IF NOT EXISTS vector" \
    -c "SELECT extversion FROM pg_extension WHERE extname='vector'" \
    | tail -n 1)" || rc=$?
  "${PSQL[@]}" -d postgres -q -c "DROP DATABASE IF EXISTS $CHECK_DB" >/dev/null || true
  [ "$rc" -eq 0 ] || die "CREATE EXTENSION vector failed"
  [ -n "$version" ] || die "vector extension not found in pg_extension after CREATE EXTENSION"
  log "OK: pgvector extension version $version works."
}

# ---------------------------------------------------------------------------
# Fast path
# ---------------------------------------------------------------------------
[ -x "$PG_CONFIG" ] || die "$PG_CONFIG not found (is postgresql-15 installed?)"
SHAREDIR="$("$PG_CONFIG" --sharedir)"
if [ -f "$SHAREDIR/extension/vector.control" ]; then
  log "pgvector already installed ($SHAREDIR/extension/vector.control); nothing to do."
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "must run as root (installs packages and writes to $SHAREDIR)"

# ---------------------------------------------------------------------------
# Find the Debian mirror URI the system already uses for bookworm
# ---------------------------------------------------------------------------
mirror_from_deb822() {
  # Print the first URI of the first stanza whose Suites contains exactly "bookworm".
  awk '
    function flush() {
      if (has_suite && uri != "" && !done) { print uri; done = 1 }
      has_suite = 0; uri = ""
    }
    /^[[:space:]]*$/ { flush(); next }
    /^[[:space:]]*#/ { next }
    tolower($1) == "uris:"   { uri = $2; next }
    tolower($1) == "suites:" { for (i = 2; i <= NF; i++) if ($i == "bookworm") has_suite = 1; next }
    END { flush() }
  ' "$1"
}

mirror_from_list() {
  # One-line format: deb [options] URI SUITE COMPONENTS...
  awk '
    /^[[:space:]]*#/ { next }
    $1 == "deb" || $1 == "deb-src" {
      i = 2
      if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) == "bookworm") { print $i; exit }
    }
  ' "$1"
}

MIRROR=""
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  MIRROR="$(mirror_from_deb822 /etc/apt/sources.list.d/debian.sources)"
fi
if [ -z "$MIRROR" ] && [ -f /etc/apt/sources.list ]; then
  MIRROR="$(mirror_from_list /etc/apt/sources.list)"
fi
[ -n "$MIRROR" ] || die "could not determine the Debian mirror URI for bookworm from /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"
MIRROR="${MIRROR%/}"
log "Using Debian mirror from system apt sources: $MIRROR"

# ---------------------------------------------------------------------------
# Private apt state + build directory
# ---------------------------------------------------------------------------
WORK="$(mktemp -d -t install-pgvector.XXXXXX)"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
# Let apt's unprivileged '_apt' download user reach the directories
# (otherwise apt falls back to unsandboxed downloads with a warning).
chmod 0755 "$WORK"

APT_DIR="$WORK/apt"
BUILD_DIR="$WORK/build"
mkdir -p "$APT_DIR/sources.list.d" "$APT_DIR/lists/partial" \
         "$APT_DIR/cache/archives/partial" "$BUILD_DIR"
chmod -R 0755 "$APT_DIR" "$BUILD_DIR"

SIGNED_BY=""
if [ -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
  SIGNED_BY="[signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
fi
printf 'deb-src %s%s %s main\n' "$SIGNED_BY" "$MIRROR" "$SOURCE_SUITE" > "$APT_DIR/sources.list"

PRIVATE_APT=(
  -o "Dir::Etc::SourceList=$APT_DIR/sources.list"
  -o "Dir::Etc::SourceParts=$APT_DIR/sources.list.d"
  -o "Dir::State::Lists=$APT_DIR/lists"
  -o "Dir::Cache=$APT_DIR/cache"
  -o "APT::Get::List-Cleanup=false"
)

log "Fetching $SOURCE_SUITE source index into private apt state ($APT_DIR)..."
apt-get "${PRIVATE_APT[@]}" -q update

# dpkg-dev provides dpkg-source (and is needed by 'apt-get source').
if ! command -v dpkg-source >/dev/null 2>&1; then
  log "Installing dpkg-dev..."
  if ! apt-get install -y -q --no-install-recommends dpkg-dev; then
    apt-get update -q
    apt-get install -y -q --no-install-recommends dpkg-dev
  fi
fi

log "Downloading source package '$SOURCE_PKG' from $SOURCE_SUITE..."
# apt downloads as the unprivileged '_apt' user; it must be able to write here.
if id _apt >/dev/null 2>&1; then chown _apt "$BUILD_DIR"; fi
(cd "$BUILD_DIR" && apt-get "${PRIVATE_APT[@]}" -q source --download-only "$SOURCE_PKG")

DSC="$(find "$BUILD_DIR" -maxdepth 1 -name "${SOURCE_PKG}_*.dsc" | sort | tail -n 1)"
[ -n "$DSC" ] || die "no ${SOURCE_PKG}_*.dsc downloaded"
log "Unpacking $(basename "$DSC")..."
# Note: dpkg-source may warn that it cannot verify the uploader's signature
# (debian-keyring is not installed). The files' integrity is still guaranteed:
# apt checked them against the Sources index from the signed trixie InRelease.
(cd "$BUILD_DIR" && dpkg-source -x "$(basename "$DSC")" src)

# ---------------------------------------------------------------------------
# Build dependencies (normal system apt)
# ---------------------------------------------------------------------------
BUILD_DEPS=(postgresql-server-dev-15 make gcc)
log "Installing build dependencies: ${BUILD_DEPS[*]}..."
if ! apt-get install -y -q --no-install-recommends "${BUILD_DEPS[@]}"; then
  log "Install failed; refreshing system package lists and retrying..."
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${BUILD_DEPS[@]}"
fi

# ---------------------------------------------------------------------------
# Build + install
# ---------------------------------------------------------------------------
# OPTFLAGS="" overrides pgvector's default -march=native so the binary is portable.
log "Building pgvector..."
make -C "$BUILD_DIR/src" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS=""
log "Installing pgvector..."
make -C "$BUILD_DIR/src" install PG_CONFIG="$PG_CONFIG" OPTFLAGS=""

[ -f "$SHAREDIR/extension/vector.control" ] || die "make install did not produce $SHAREDIR/extension/vector.control"
log "Installed $SHAREDIR/extension/vector.control"

verify
