-- wrk script for bench_crisis_spike.py: each connection is a citizen asking the paths in
-- WRK_PATHS ("|" between them) in turn, as a browser does (Accept-Encoding: gzip and brotli),
-- and reading each answer for a while before the next: WRK_THINK_MS ("1000-9000": a random
-- pause in that range, in milliseconds; "0": none, each connection asks back to back). wrk
-- times only the requests, not the pauses. At the end it prints what wrk measured as
-- name=value lines.
local paths = {}
for path in string.gmatch(os.getenv("WRK_PATHS") or "/", "[^|]+") do
  paths[#paths + 1] = path
end
local turn = 0
local think_min, think_max = string.match(os.getenv("WRK_THINK_MS") or "0", "^(%d+)-?(%d*)$")
think_min = tonumber(think_min) or 0
think_max = tonumber(think_max) or think_min

function init(args)
  wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
  wrk.headers["Accept"] = "text/html,application/json;q=0.9"
  math.randomseed(os.time() + math.floor(os.clock() * 1e6)) -- each thread its own pauses
  turn = math.random(#paths) -- threads start at different paths
end

function delay()
  if think_max <= 0 then
    return 0
  end
  return math.random(think_min, think_max)
end

function request()
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("requests=%d\n", summary.requests))
  io.write(string.format("seconds=%.3f\n", summary.duration / 1e6))
  io.write(string.format("p50_ms=%.1f\n", latency:percentile(50) / 1000))
  io.write(string.format("p95_ms=%.1f\n", latency:percentile(95) / 1000))
  io.write(string.format("max_ms=%.1f\n", latency.max / 1000))
  io.write(string.format("errors_connect=%d\n", errors.connect))
  io.write(string.format("errors_read=%d\n", errors.read))
  io.write(string.format("errors_write=%d\n", errors.write))
  io.write(string.format("errors_status=%d\n", errors.status))
  io.write(string.format("errors_timeout=%d\n", errors.timeout))
end
