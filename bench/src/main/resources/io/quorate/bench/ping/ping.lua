-- wrk script of the ping benchmark (bench/README.md). Arguments: <targets> <requests per thread, 0 = no
-- limit>. Each thread walks over the heartbeat ping ids from its own offset, counts answers by status class
-- (wrk itself only reports "non-2xx or 3xx"), and stops once it has its share of answers when limited.
-- done() prints one PINGS line and one LATENCY line that the runner parses.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  targets = tonumber(args[1])
  limit = tonumber(args[2])
  index = tid * 7919
  answered, ok, client_errors, server_errors, others = 0, 0, 0, 0, 0
end

function request()
  index = index + 1
  return wrk.format("GET", string.format("/ping/00000000-0000-4000-8000-%012d", index % targets))
end

function response(status, headers, body)
  answered = answered + 1
  if status >= 200 and status < 300 then
    ok = ok + 1
  elseif status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  else
    others = others + 1
  end
  if limit > 0 and answered >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local total = { ok = 0, client_errors = 0, server_errors = 0, others = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(total) do
      total[key] = total[key] + thread:get(key)
    end
  end
  local e = summary.errors
  io.write(string.format("PINGS 2xx=%d 4xx=%d 5xx=%d other=%d socket_errors=%d duration_us=%d\n",
    total.ok, total.client_errors, total.server_errors, total.others,
    e.connect + e.read + e.write + e.timeout, summary.duration))
  io.write(string.format("LATENCY p50_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
end
