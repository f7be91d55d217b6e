// Evaluations per second of the core, single-threaded, in process: the full result JSON (and the compact one).
// Prints figures; asserts nothing. Seconds are the process's CPU seconds, so that a busy machine lowers the figures
// less than it would in wall time.
//   build/bench [--one-event] [SECONDS] [MIXED.jsonl]
// Each figure is the median of three rounds of SECONDS (default 1). MIXED.jsonl (tools/bench_situations.py) adds the
// mixed 1-4-event workload: its first 20,000 lines, in turn. --one-event: the first figure only, one round (what
// tests/wasm/measure.mjs runs in turns with its own rounds).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "bench_sets.hpp"
#include "skillcalc.hpp"

namespace {

struct Figure {
  double rate = 0;
  size_t bytes = 0;  // of JSON per result
};

// Seconds of CPU this process has used: on a shared machine, what the work cost, whatever else runs.
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

template <class Eval>
Figure round(const std::vector<std::string>& situations, double seconds, Eval eval) {
  double start = cpu_seconds();
  size_t n = 0, bytes = 0;
  while (true) {  // the clock is read after at least 64 evaluations: reading it costs a system call
    for (size_t k = 0; k < 64; k += situations.size(), n += situations.size())
      for (auto& s : situations) bytes += eval(s).size();
    double t = cpu_seconds() - start;
    if (t >= seconds) return {n / t, bytes / n};
  }
}

template <class Eval>
Figure median_of(int rounds, const std::vector<std::string>& situations, double seconds, Eval eval) {
  std::vector<Figure> f;
  for (int i = 0; i < rounds; ++i) f.push_back(round(situations, seconds, eval));
  std::sort(f.begin(), f.end(), [](const Figure& a, const Figure& b) { return a.rate < b.rate; });
  return f[f.size() / 2];
}

std::vector<std::string> read_lines(const char* path, size_t most) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; out.size() < most && std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool one_event = !args.empty() && args[0] == "--one-event";
  if (one_event) args.erase(args.begin());
  double seconds = !args.empty() ? std::atof(args[0].c_str()) : 1.0;
  auto t0 = std::chrono::steady_clock::now();
  auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!e) return std::puts("rules did not load"), 1;
  std::printf("rule load: %.1f ms\n", load_ms);
  auto sets = bench_sets();
  if (one_event) sets.resize(1);
  if (args.size() > 1 && !one_event) {
    auto mixed = read_lines(args[1].c_str(), 20000);
    if (mixed.empty()) return std::printf("no situations in %s\n", args[1].c_str()), 1;
    sets.push_back({"mixed 1-4 events", std::move(mixed)});
  }
  auto print = [](const std::string& name, const Figure& f) {
    std::printf("%-36s %9.0f evaluations/s  (%.1f us each, %zu bytes of JSON per result)\n", name.c_str(), f.rate,
                1e6 / f.rate, f.bytes);
  };
  std::string out;  // one buffer for every answer, as eval --jsonl has
  for (auto& [name, situations] : sets)
    print(name, median_of(one_event ? 1 : 3, situations, seconds,
                          [&](const std::string& s) { return e->evaluate(s, "2026-01-15"); }));
  if (one_event) return 0;
  for (auto& [name, situations] : sets)
    if (name.rfind("one event (", 0) == 0 || name.rfind("mixed", 0) == 0)
      print("compact, " + name, median_of(3, situations, seconds, [&](const std::string& s) -> const std::string& {
              e->evaluate_into(out, s, "2026-01-15", true);
              return out;
            }));
  return 0;
}
