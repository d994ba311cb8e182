// Ready-to-paste snippets for a heartbeat, with its own ping URL filled in. The wording follows the
// README's "Heartbeats" section, so the page and the docs teach the same thing. Plain strings only: the
// page shows them as text.
"use strict";

window.QuorateSnippets = (function () {
  const CURL = "curl -fsS -m 10 --retry 5 -o /dev/null";

  /**
   * @param monitor a heartbeat from the API (ping_url, slug_url, cron)
   * @return [{key, title, text}] in the order shown
   */
  function all(monitor) {
    const ping = monitor.ping_url;
    const worker = monitor.slug_url || ping; // a job class reads better by slug; the uuid works as well
    return [
      { key: "curl", title: "curl (any script)", text: CURL + " " + ping },
      { key: "cron", title: "Shell / cron line", text: cron(monitor, ping) },
      { key: "python", title: "Python", text: python(ping) },
      { key: "celery", title: "Python / Celery", text: celery(worker) },
      { key: "sidekiq", title: "Ruby / Sidekiq", text: sidekiq(worker) },
      { key: "bullmq", title: "Node / BullMQ", text: bullmq(worker) },
    ];
  }

  /** Pings the start, runs the job, then sends its exit status and the end of its output. */
  function cron(monitor, ping) {
    const when = monitor.cron && !monitor.cron.startsWith("@") ? monitor.cron : "0 3 * * *";
    return "# " + (monitor.timezone && monitor.timezone !== "UTC" ? "crontab runs in the server's time zone; this"
      + " heartbeat expects " + monitor.timezone + "\n# " : "") + "replace /usr/local/bin/job.sh with your job\n"
      + when + " " + CURL + " " + ping + "/start; /usr/local/bin/job.sh > /tmp/job.log 2>&1; " + CURL
      + " --data-binary @/tmp/job.log \"" + ping + "/$?\"";
  }

  function python(ping) {
    return [
      "import requests",
      "",
      "PING = \"" + ping + "\"",
      "",
      "def run_job():",
      "    requests.get(f\"{PING}/start\", timeout=10)",
      "    try:",
      "        count = do_the_work()",
      "    except Exception as error:",
      "        requests.post(f\"{PING}/fail\", data=repr(error)[:10_000], timeout=10)",
      "        raise",
      "    requests.post(PING, json={\"processed\": count}, timeout=10)  # conditions may check the values",
    ].join("\n");
  }

  function celery(ping) {
    return [
      "import requests",
      "from celery.signals import task_failure, task_success",
      "from app.tasks import my_task",
      "",
      "PING = \"" + ping + "\"",
      "session = requests.Session()",
      "",
      "@task_success.connect(sender=my_task)",
      "def my_task_done(sender=None, **kwargs):",
      "    session.get(PING, timeout=5)",
      "",
      "@task_failure.connect(sender=my_task)",
      "def my_task_failed(sender=None, exception=None, **kwargs):",
      "    session.post(f\"{PING}/fail\", data=f\"{type(exception).__name__}: {exception}\"[:10_000], timeout=5)",
    ].join("\n");
  }

  function sidekiq(ping) {
    return [
      "require \"net/http\"",
      "",
      "class QuoratePing",
      "  include Sidekiq::ServerMiddleware",
      "  PINGS = { \"MyJob\" => \"" + ping + "\" }.freeze",
      "",
      "  def call(_job_instance, job, _queue)",
      "    url = PINGS[job[\"wrapped\"] || job[\"class\"]] or return yield",
      "    yield",
      "    ping(url, \"\")",
      "  rescue StandardError => e",
      "    ping(\"#{url}/fail\", \"#{e.class}: #{e.message}\") if url",
      "    raise",
      "  end",
      "",
      "  private",
      "",
      "  def ping(url, body)",
      "    uri = URI(url)",
      "    Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == \"https\", open_timeout: 5, read_timeout: 5) do |http|",
      "      http.post(uri.path, body)",
      "    end",
      "  rescue StandardError",
      "    nil # a monitoring outage must never fail a job",
      "  end",
      "end",
      "",
      "Sidekiq.configure_server { |config| config.server_middleware { |chain| chain.add QuoratePing } }",
    ].join("\n");
  }

  function bullmq(ping) {
    return [
      "const PING = '" + ping + "';",
      "const ping = (suffix = '', body) =>",
      "  fetch(PING + suffix, { method: 'POST', body, signal: AbortSignal.timeout(5000) }).catch(() => {});",
      "",
      "worker.on('completed', () => ping());",
      "worker.on('failed', (job, err) => ping('/fail', `${err.name}: ${err.message}`));",
    ].join("\n");
  }

  return { all };
})();
