-- Loaded by bench/load-wrk.ts with `wrk -s`: at the end of the run, one line that it parses.
-- Latencies are wrk's own, in microseconds; cpu_ticks is wrk's user+system CPU time so far, in
-- USR_HZ ticks (fields 14 and 15 of /proc/self/stat), read while the process still exists.
local function cpu_ticks()
  local file = io.open('/proc/self/stat', 'r')
  if not file then return -1 end
  local stat = file:read('*a')
  file:close()
  -- The command name, in parentheses, may hold spaces: count fields from after it.
  local fields = {}
  for field in stat:sub(stat:match('.*()%)') + 2):gmatch('%S+') do fields[#fields + 1] = field end
  return tonumber(fields[12]) + tonumber(fields[13])
end

-- BENCH_WRK_DELAY_MS paces the load: each connection waits that long after each answer, so N
-- connections ask about N / (delay + latency) requests per second, spread evenly over time.
local delay_ms = tonumber(os.getenv('BENCH_WRK_DELAY_MS') or '')
if delay_ms then
  delay = function() return delay_ms end
end

done = function(summary, latency, _requests)
  local errors = summary.errors
  io.write(string.format(
    'bench-wrk {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,' ..
      '"status":%d,"timeout":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"cpu_ticks":%d}\n',
    summary.requests, summary.duration, errors.connect, errors.read, errors.write,
    errors.status, errors.timeout, latency:percentile(50), latency:percentile(99), latency.max,
    cpu_ticks()))
end
