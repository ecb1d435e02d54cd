-- wrk script of redirect.bench.ts: every request is a new visitor (X-Forwarded-For unique per thread and
-- request, trusted by the benchmarked server; the run's own prefix is wrk's first script argument), so every click
-- is VALID; prints one JSON line of the results.
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
  run = args[1] or "0"
  agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
end

function request()
  counter = counter + 1
  return wrk.format("GET", nil, {
    ["X-Forwarded-For"] = string.format("%s.%d.%d", run, tid, counter),
    ["User-Agent"] = agent,
  })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%f,"p50":%f,"p99":%f,"errors":%d,"non3xx":%d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(99) / 1e3,
    e.connect + e.read + e.write + e.timeout, e.status))
end
