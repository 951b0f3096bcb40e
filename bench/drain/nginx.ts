// Debian's nginx on loopback in front of the load test's instances, in a directory of its own: its
// configuration, its start, and what its logs say the instances did.
import { execFileSync, spawn } from 'node:child_process'
import { openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fetchOnce, HOST, track } from '../servers.ts'

const config = (dir: string, listen: number, upstreams: number[]) => `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 4096; }
http {
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  log_format upstreams '$status "$upstream_status" "$upstream_addr"';
  access_log ${dir}/nginx-access.log upstreams buffer=64k flush=1s;
  keepalive_requests 1000000;
  upstream moscow_time {
    # max_fails=0: never mark an instance down; a refused connect costs one retry on loopback.
${upstreams.map((port) => `    server ${HOST}:${port} max_fails=0;`).join('\n')}
    keepalive 64;
  }
  server {
    listen ${HOST}:${listen};
    location / {
      proxy_pass http://moscow_time;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_next_upstream error timeout http_503;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 1s;
      proxy_read_timeout 10s;
    }
  }
}
`

const findNginx = () => {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => {
    try {
      execFileSync(path, ['-v'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })
  if (!nginx)
    throw new Error('nginx is not installed: apt-get install -y nginx-light (or nginx), then rerun')
  return nginx
}

/** Lines so far in each log: what nginx says after them is the next phase's. */
export type LogMarks = readonly [access: number, error: number]

/** What nginx saw from the instances since the marks: retries, upstream statuses, and why. */
const upstreamFigures = (dir: string, [fromAccess, fromError]: LogMarks) => {
  const lines = readFileSync(join(dir, 'nginx-access.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(fromAccess)
  const figures = { proxied: lines.length, ok: 0, clientGone499: 0, otherStatus: 0, retried: 0 }
  let upstream503 = 0
  for (const line of lines) {
    const match = /^(\d+) "([^"]*)"/.exec(line)
    if (!match) continue
    const status = match[1] ?? ''
    const tries = (match[2] ?? '').split(/,\s*|\s*:\s*/)
    if (status.startsWith('2')) figures.ok += 1
    else if (status === '499') figures.clientGone499 += 1
    else figures.otherStatus += 1
    if (tries.length > 1) figures.retried += 1
    upstream503 += tries.filter((code) => code === '503').length
  }
  const errors = readFileSync(join(dir, 'nginx-error.log'), 'utf8').split('\n').slice(fromError)
  const count = (pattern: RegExp) => errors.filter((line) => pattern.test(line)).length
  return {
    ...figures,
    upstream503,
    connectRefused: count(/connect\(\) failed \(111/),
    resetOrClosedByInstance: count(/reset by peer|prematurely closed/),
  }
}

/** Starts nginx on `listen` and resolves once `readyPath` answers 200 through it. */
export const startNginx = async (
  dir: string,
  listen: number,
  upstreams: number[],
  readyPath: string,
) => {
  const nginx = findNginx()
  writeFileSync(join(dir, 'nginx.conf'), config(dir, listen, upstreams))
  const log = openSync(join(dir, 'nginx-stderr.log'), 'a')
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'nginx-error.log')]
  const child = spawn(nginx, args, { stdio: ['ignore', log, log] })
  track(child)
  const deadline = Date.now() + 15_000
  while ((await fetchOnce(listen, readyPath).catch(() => undefined))?.status !== 200) {
    if (Date.now() > deadline) throw new Error('timed out waiting for nginx')
    await sleep(50)
  }
  const lineCount = (file: string) =>
    readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean).length
  return {
    child,
    // USR1 reopens the logs, which flushes the buffer first.
    flush: async () => {
      child.kill('SIGUSR1')
      await sleep(300)
    },
    marks: (): LogMarks => [lineCount('nginx-access.log'), lineCount('nginx-error.log')],
    figuresSince: (marks: LogMarks) => upstreamFigures(dir, marks),
  }
}

export type Nginx = Awaited<ReturnType<typeof startNginx>>
