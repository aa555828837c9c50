"""Drives a running `slipway serve` for bench/service/latency.sh and prints the Markdown table (standard library only)."""
import argparse
import concurrent.futures
import datetime
import http.cookiejar
import json
import os
import platform
import shutil
import statistics
import subprocess
import time
import urllib.error
import urllib.request


class Api:
    def __init__(self, url):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={"Content-Type": "application/json"})
        with self.opener.open(request, timeout=60) as response:
            text = response.read()
        return json.loads(text) if text else None


def timestamp(value):
    """The API's UTC timestamps (.NET writes up to 7 fraction digits; Python reads 6) as seconds since the epoch."""
    value = value.rstrip("Z")
    if "." in value:
        head, fraction = value.split(".")
        value = f"{head}.{fraction[:6]}"
    return datetime.datetime.fromisoformat(value).replace(tzinfo=datetime.timezone.utc).timestamp()


def wait_healthy(url):
    deadline = time.time() + 90
    while True:
        try:
            with urllib.request.urlopen(url + "/health", timeout=5):
                return
        except (urllib.error.URLError, ConnectionError):
            if time.time() > deadline:
                raise SystemExit("serve did not answer /health in 90 s")
            time.sleep(0.2)


def wait_run(api, project, run_id, poll=0.02):
    while True:
        run = api.call("GET", f"/api/v1/projects/{project}/runs/{run_id}")
        if run["status"] >= 10:
            return run
        time.sleep(poll)


def first_sql(out, run_id):
    """The hook's DuckDB clock reading (microseconds since the epoch), in seconds."""
    with open(os.path.join(out, f"{run_id}.csv")) as f:
        return int(f.read().strip()) / 1e6


def percentile(values, p):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def main():
    parser = argparse.ArgumentParser()
    for name in ("url", "password", "repo", "out", "warehouse", "build", "metadata"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--backlog", type=int, default=40)
    parser.add_argument("--engine", help="the slipway executable, to time `slipway run` alone on the same project")
    args = parser.parse_args()

    wait_healthy(args.url)
    api = Api(args.url)
    api.call("POST", "/api/v1/auth/login", {"username": "admin", "password": args.password})
    project = api.call("POST", "/api/v1/projects", {"name": "bench", "repository_url": args.repo, "default_branch": "main"})["id"]
    connection = api.call("POST", f"/api/v1/projects/{project}/connections", {"name": "duckdb", "type": "duckdb", "path": args.warehouse})["id"]
    environment = api.call("POST", f"/api/v1/projects/{project}/environments", {
        "name": "prod", "type": "deployment", "deployment_type": "production", "connection_id": connection,
        "credentials": {"schema": "analytics"}})["id"]

    def job(name, environment_id=environment):
        return api.call("POST", f"/api/v1/projects/{project}/jobs", {"name": name, "environment_id": environment_id, "commands": ["dbt run"]})["id"]

    def own_warehouse(i):
        # A DuckDB file has one writer process: each backlog job writes its own file, so that their runs can overlap.
        return api.call("POST", f"/api/v1/projects/{project}/environments", {
            "name": f"backlog {i}", "type": "deployment", "deployment_type": "general", "connection_id": connection,
            "duckdb_path_override": os.path.join(os.path.dirname(args.warehouse), f"backlog{i}.duckdb"), "credentials": {"schema": f"backlog_{i}"}})["id"]

    def trigger(job_id, cause):
        return api.call("POST", f"/api/v1/projects/{project}/jobs/{job_id}/run", {"cause": cause})["id"]

    latency_job = job("latency")
    for i in range(2):  # warms the worker: first checkout, JIT of the service's run path
        wait_run(api, project, trigger(latency_job, f"warm-up {i}"))

    rows = {key: [] for key in ("claim", "prepare", "spawn", "engine", "total", "finished")}
    for i in range(args.runs):
        t0 = time.time()
        run_id = trigger(latency_job, f"latency {i}")
        run = wait_run(api, project, run_id)
        if run["status"] != 10:
            raise SystemExit(f"run {run_id} ended {run['status_humanized']}: {run['status_message']}")
        sql = first_sql(args.out, run_id)
        step = timestamp(run["steps"][0]["started_at"])
        dequeued, started = timestamp(run["dequeued_at"]), timestamp(run["started_at"])
        rows["claim"].append(dequeued - t0)
        rows["prepare"].append(started - dequeued)
        rows["spawn"].append(step - started)
        rows["engine"].append(sql - step)
        rows["total"].append(sql - t0)
        rows["finished"].append(timestamp(run["finished_at"]) - t0)

    # Job starts per minute: a backlog over 10 jobs (runs of one job are serial), all triggered at once.
    jobs = [job(f"backlog {i}", own_warehouse(i)) for i in range(10)]
    began = time.time()
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        ids = list(pool.map(lambda i: trigger(jobs[i % 10], f"backlog {i}"), range(args.backlog)))
    runs = [wait_run(api, project, run_id, poll=0.2) for run_id in ids]
    failed = [r for r in runs if r["status"] != 10]
    if failed:
        raise SystemExit(f"{len(failed)} backlog runs did not succeed: {failed[0]['status_message']}\n{failed[0]['steps'][0]['log']}")
    starts = sorted(timestamp(r["steps"][0]["started_at"]) for r in runs)
    ended = max(timestamp(r["finished_at"]) for r in runs)
    starts_per_minute = (len(starts) - 1) / (starts[-1] - starts[0]) * 60
    done_per_minute = len(runs) / (ended - began) * 60

    alone = engine_alone(args) if args.engine else None

    ms = lambda v: f"{v * 1000:.0f}"
    print(f"Machine: {os.cpu_count()} cores, {platform.machine()}, load average {os.getloadavg()[0]:.1f} at the end; "
          f"slipway {args.build}; metadata in {args.metadata}; {args.runs} runs after 2 warm-up runs.\n")
    print("| stage (ms) | p50 | p90 | p99 | max |")
    print("|---|---:|---:|---:|---:|")
    names = {
        "claim": "trigger → claimed by the worker",
        "prepare": "claimed → Running (checkout, profile)",
        "spawn": "Running → step's engine process started",
        "engine": "engine start → first SQL statement (startup, parse, connect)",
        "total": "**trigger → first SQL statement**",
        "finished": "trigger → run finished",
    }
    for key, name in names.items():
        values = rows[key]
        print(f"| {name} | {ms(statistics.median(values))} | {ms(percentile(values, 90))} | {ms(percentile(values, 99))} | {ms(max(values))} |")
    if alone:
        print(f"| engine alone, outside the service: start → first SQL statement | {ms(statistics.median(alone['sql']))} | | | {ms(max(alone['sql']))} |")
        print(f"| engine alone: CPU (user+sys) of the whole `slipway run` | {ms(statistics.median(alone['cpu']))} | | | {ms(max(alone['cpu']))} |")
    print(f"\nBacklog of {args.backlog} runs over 10 jobs (4 worker slots): {starts_per_minute:.0f} job starts per minute, "
          f"{done_per_minute:.0f} runs completed per minute (trigger of the first to end of the last).")


def engine_alone(args, rounds=10):
    """`slipway run` started directly on a clone of the project: wall time to its first statement, and its CPU time."""
    project = args.out + "-alone"
    subprocess.run(["git", "clone", "-q", args.repo, project], check=True)
    warehouse = os.path.join(os.path.dirname(args.warehouse), "alone.duckdb")
    with open(os.path.join(project, "profiles.yml"), "w") as f:
        f.write(f"bench:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: '{warehouse}'\n      schema: main\n")
    result = {"sql": [], "cpu": []}
    for i in range(rounds):
        env = dict(os.environ, DBT_CLOUD_RUN_ID=f"alone{i}")
        t0 = time.time()
        process = subprocess.Popen([args.engine, "run", "--project-dir", project, "--profiles-dir", project, "-q"], env=env, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            raise SystemExit("slipway run alone failed")
        result["sql"].append(first_sql(args.out, f"alone{i}") - t0)
        result["cpu"].append(usage.ru_utime + usage.ru_stime)
    shutil.rmtree(project, ignore_errors=True)
    return result


if __name__ == "__main__":
    main()
