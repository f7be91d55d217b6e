// Situations read per CPU second: parse and check against the vocabulary only, no evaluation. Prints figures;
// asserts nothing.
//   bench_parse FILE [SECONDS]   over the lines of FILE (tests/bench/situations.py writes the bureau mix) and over
//                                one-event situations: the streaming reader and, beside it, the former DOM reader
//                                (tests/parity/situation_dom.cpp).
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "../parity/situation_dom.hpp"
#include "bench_sets.hpp"
#include "day.hpp"
#include "skillcalc.hpp"

namespace {
double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + t.tv_nsec / 1e9;
}

using Read = bool (*)(std::string_view, skillcalc::Day, const skillcalc::Model&, skillcalc::Situation&,
                      skillcalc::InputError&);

// Situations read per CPU second; `events` counts the events read (a check that nothing was skipped).
double parse_rate(Read read, const skillcalc::Model& m, const std::vector<std::string>& situations, double seconds,
                  size_t& events, size_t& bytes, double& spent) {
  skillcalc::Day today = skillcalc::parse_day("2026-01-15");
  double start = cpu_seconds();
  size_t n = 0;
  events = bytes = 0;
  while (true) {
    for (auto& s : situations) {
      skillcalc::Situation out;
      skillcalc::InputError err;
      if (!read(s, today, m, out, err)) std::fprintf(stderr, "refused: %s\n", err.en.c_str());
      events += out.events.size();
      bytes += s.size();
    }
    n += situations.size();
    spent = cpu_seconds() - start;
    if (spent >= seconds) return n / spent;
  }
}

int parse_bench(const skillcalc::Engine& e, const char* file, double seconds,
                const std::vector<std::string>& one_event) {
  std::vector<std::string> lines;
  std::ifstream in(file);
  for (std::string l; std::getline(in, l);)
    if (!l.empty() && lines.size() < 100000) lines.push_back(l);
  if (lines.empty()) return std::fprintf(stderr, "no situations in %s\n", file), 2;
  for (auto& [name, set] : std::vector<std::pair<const char*, const std::vector<std::string>*>>{
           {"bureau mix", &lines}, {"one event, each city", &one_event}})
    for (auto& [reader, read] : std::vector<std::pair<const char*, Read>>{
             {"streaming", skillcalc::parse_situation}, {"DOM (former)", skillcalc::dom::parse_situation_dom}}) {
      size_t events = 0, bytes = 0;
      double spent = 0, r = parse_rate(read, e.model(), *set, seconds, events, bytes, spent);
      std::printf("parse %-22s %-13s %9.0f situations/s  (%.2f us each, %.0f MB/s, %.2f events each)\n", name, reader,
                  r, 1e6 / r, bytes / 1e6 / spent, static_cast<double>(events) / (r * spent));
    }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return std::fprintf(stderr, "usage: bench_parse FILE [SECONDS]\n"), 2;
  double seconds = argc > 2 ? std::atof(argv[2]) : 2.0;
  auto t0 = std::chrono::steady_clock::now();
  auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!e) return std::puts("rules did not load"), 1;
  std::printf("rule load: %.1f ms\n", load_ms);
  auto sets = bench_sets();
  return parse_bench(*e, argv[1], seconds, sets[1].second);
}
