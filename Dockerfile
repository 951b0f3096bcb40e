# moscow-time: a production image with nothing in it but Node, the libraries Node loads, and the
# bundled server. docs/docker.md explains every line and names the test that proves it.
#
#   DOCKER_BUILDKIT=1 docker build -t moscow-time .
#   DOCKER_BUILDKIT=1 docker build --target test .        # runs the test suite inside the build
#   DOCKER_BUILDKIT=1 docker build --build-arg NODE_IMAGE=registry.example/node:26.12.1-trixie-slim .
#
# No "# syntax=" line on purpose: it would pull a frontend image, which air-gapped builds cannot.

# The build base, pinned to the exact Node of .node-version; override it to build from a mirror.
ARG NODE_IMAGE=node:26.12.1-trixie-slim

# ---- deps: the lockfile alone, so source edits never re-run the install ----
# The bundle is plain JavaScript, the same for every architecture: build it once on the builder's
# own platform, so a multi-arch build emulates nothing but the short rootfs step.
FROM --platform=$BUILDPLATFORM ${NODE_IMAGE} AS deps
WORKDIR /app
# The registry npm uses; empty means npm's own default. Passed by the tests from `npm config get registry`.
ARG npm_config_registry
COPY package.json package-lock.json ./
# Install scripts are skipped: nothing we depend on needs one, and a dependency's script is the
# usual way a supply-chain attack runs code at build time.
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts --no-audit --no-fund

# ---- build: sources, then the bundle dist/server.cjs and its loader dist/server.mjs ----
FROM deps AS build
# Lets a BuildKit SBOM scan this stage too, so the SBOM lists the npm packages inside the bundle.
ARG BUILDKIT_SBOM_SCAN_STAGE=true
COPY .node-version tsconfig.json ./
COPY scripts/ scripts/
COPY src/ src/
# Vendored data (the tzdb source and its table), bundled into dist/server.mjs.
COPY data/ data/
# A pattern, so a checkout whose public/ is still empty (git keeps no empty folders) builds too.
COPY publi[c]/ public/
RUN npm run build && test -f dist/server.mjs && test -f dist/server.cjs.br && mkdir -p public
# The run-time tables brotli-compressed (the IP table packed into byte planes of differences
# first: 5.9 MB to 1.1 MB of image, for about 95 ms more of the first /api/ip). Each reader takes
# <file>.br where the plain file is missing (scripts/compress-tables.ts lists them).
RUN node scripts/compress-tables.ts

# ---- test: optional, `--target test`; the production image never depends on it ----
# The app's tests, on the very node_modules and sources the bundle came from. The suites about
# the repository's infrastructure (container, kubernetes, e2e) need an engine, a cluster or a
# browser, and run with `npm test` outside the build.
FROM build AS test
COPY test/ test/
RUN node --test --test-concurrency=1 $(find test -name '*.test.ts' \
      ! -path 'test/container/*' ! -path 'test/kubernetes/*' ! -path 'test/e2e/*' | sort)

# ---- node: the official binary, proven by its SHA-256, less its symbol tables ----
# On the target platform. The base must carry the very bytes recorded in .node-sha256 for the
# version in .node-version, or the build stops. `strip --strip-all` drops .symtab, .strtab and the
# .debug_* sections (33 MB): what a debugger or a native profiler names functions by. Node never
# reads them; .dynsym, which addons link against and process.report names native frames by,
# stays. --strip-debug alone would leave the 23 MB symbol table. Every binutils tried gives the
# same bytes. docs/docker.md shows how to check them.
FROM ${NODE_IMAGE} AS node
COPY .node-sha256 /tmp/.node-sha256
RUN set -eu; \
    case "$(uname -m)" in \
      x86_64) arch=linux-x64 ;; \
      aarch64) arch=linux-arm64 ;; \
      *) echo "no SHA-256 recorded for $(uname -m) in .node-sha256"; exit 1 ;; \
    esac; \
    expected="$(awk -v arch="$arch" '$1 !~ /^#/ && $2 == arch { print $1 }' /tmp/.node-sha256)"; \
    actual="$(sha256sum /usr/local/bin/node | cut -d ' ' -f 1)"; \
    if [ "$actual" != "$expected" ]; then \
      echo "/usr/local/bin/node is not the official $arch binary of .node-version:"; \
      echo "SHA-256 $actual, .node-sha256 records ${expected:-nothing}"; \
      exit 1; \
    fi; \
    echo "official node $arch: $actual"; \
    apt-get update -qq; \
    DEBIAN_FRONTEND=noninteractive apt-get install -qq -y --no-install-recommends binutils >/dev/null; \
    mkdir -p /out; \
    strip --strip-all -o /out/node /usr/local/bin/node; \
    rm -rf /var/lib/apt/lists/*; \
    echo "stripped: $(sha256sum /out/node | cut -d ' ' -f 1)"

# ---- rootfs: the complete root of the final image, assembled and proven here ----
# On the target platform: its node, its loader and libraries. POSIX sh (no bash-isms); the one GNU
# flag is chroot's --userspec, for the code cache.
FROM ${NODE_IMAGE} AS rootfs
WORKDIR /app
# The bundle as the image ships it, brotli-compressed (src/code-cache.ts reads it as the tables).
COPY --from=build /app/dist/server.mjs /app/dist/server.cjs.br dist/
COPY --from=build /app/public/ public/
# What writes V8's code cache for the bundle (scripts/write-code-cache.ts), run below with the
# node the image ships; it stays out of the root.
COPY --from=build /app/dist/write-code-cache.mjs /tmp/write-code-cache.mjs
# The run-time tables (IP -> zone, coordinates -> zone, places) are read from disk on first use,
# not bundled: only their .br forms go into the root below.
COPY --from=build /app/data/ data/
COPY --from=node /out/node /stripped/node
RUN set -eu; \
    root=/rootfs; \
    node_bin=/usr/local/bin/node; \
    mkdir -p "$root/usr/local/bin" "$root/etc" "$root/app/dist" "$root/app/public" "$root/app/data" "$root/tmp"; \
    chmod 1777 "$root/tmp"; \
    cp /stripped/node "$root$node_bin"; \
    ldd "$node_bin" > /tmp/ldd.txt 2>&1 || { cat /tmp/ldd.txt; exit 1; }; \
    if grep -q 'not found' /tmp/ldd.txt; then echo 'missing shared libraries:'; cat /tmp/ldd.txt; exit 1; fi; \
    for lib in $(awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' /tmp/ldd.txt); do \
      mkdir -p "$root$(dirname "$lib")"; \
      cp -L "$lib" "$root$lib"; \
    done; \
    printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' > "$root/etc/passwd"; \
    printf '%s\n' 'root:x:0:' 'nonroot:x:65532:' > "$root/etc/group"; \
    mkdir -p "$root/home/nonroot"; \
    chown 65532:65532 "$root/home/nonroot"; \
    chmod 0700 "$root/home/nonroot"; \
    cp dist/server.mjs dist/server.cjs.br "$root/app/dist/"; \
    for table in $(cd data && find . -name '*.br'); do \
      mkdir -p "$root/app/data/$(dirname "$table")"; \
      cp "data/$table" "$root/app/data/$table"; \
    done; \
    find public -type f -name '*.ts' -exec rm -f {} +; \
    cp -R public/. "$root/app/public/"; \
    # V8's code cache: the server started once from this root, as the image's user, asked for /,
    # and the bytecode of all it ran saved to /app/dist/server.cjs.cache (src/code-cache.ts). V8
    # takes a cache only from the very Node that wrote it, so it is written here, on the target.
    cp /tmp/write-code-cache.mjs "$root/tmp/write-code-cache.mjs"; \
    chown 65532:65532 "$root/app/dist"; \
    chroot --userspec=65532:65532 "$root" /usr/local/bin/node /tmp/write-code-cache.mjs /app/dist/server.cjs; \
    rm -f "$root/tmp/write-code-cache.mjs"; \
    chown -R 0:0 "$root/app/dist"; \
    chmod -R a+rX,go-w "$root/app"; \
    chroot "$root" /usr/local/bin/node -e " \
      const now = Temporal.Now.zonedDateTimeISO('Europe/Moscow'); \
      if (now.offset !== '+03:00') throw new Error('Europe/Moscow offset is ' + now.offset); \
      console.log('rootfs node', process.version, 'sees Moscow at', now.toString()); \
    "; \
    chroot "$root" /usr/local/bin/node --check /app/dist/server.mjs; \
    cat /tmp/ldd.txt

# ---- the production image: scratch plus the proven root, nothing else ----
FROM scratch
COPY --from=rootfs /rootfs/ /
USER 65532:65532
WORKDIR /app
ENV NODE_ENV=production
# V8 sizes its heap from the machine, not the container: in a 192 MiB container its limit is
# 262 MiB, so a leak would meet the kernel's OOM killer before V8's own limit. 96 MiB of old space
# and 8 MiB semi-spaces bound the heap at 120 MiB; with ~30 MiB of tables and ~75 MiB of native
# memory at 2,500 connections that is ~225 MiB, inside deployment.yaml's 256Mi (memory-limit.test.ts
# saw 142-181 MiB held; with another limit, set NODE_OPTIONS anew).
ENV NODE_OPTIONS="--max-old-space-size=96 --max-semi-space-size=8"
EXPOSE 8080
STOPSIGNAL SIGTERM
# No shell and no curl in the image: node itself asks /healthz. Its own 2 s timeout is shorter
# than Docker's 3 s, so a hung server is reported as unhealthy (exit 1), not killed mid-check.
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD ["/usr/local/bin/node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz', { signal: AbortSignal.timeout(2000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself; the server drains and exits 0. server.mjs
# runs the bundle (server.cjs.br) from V8's code cache written in the rootfs stage.
ENTRYPOINT ["/usr/local/bin/node", "/app/dist/server.mjs"]

# Last, so a new revision or date never invalidates a cached layer above.
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=1970-01-01T00:00:00Z
ARG SOURCE_URL=https://github.com/moscow-time/moscow-time
LABEL org.opencontainers.image.title="moscow-time" \
      org.opencontainers.image.description="The current time in Moscow, with a worldtimeapi.org-compatible time API for every IANA zone" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.url="${SOURCE_URL}" \
      org.opencontainers.image.documentation="${SOURCE_URL}/blob/main/docs/docker.md" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.vendor="The moscow-time developers" \
      org.opencontainers.image.base.name="scratch"
