// Evaluations per second of the core, single-threaded, with the full result JSON. Prints figures; asserts nothing.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "skillcalc.hpp"

namespace {
double rate(const skillcalc::Engine& e, const std::vector<std::string>& situations, double seconds, size_t& bytes) {
  using clock = std::chrono::steady_clock;
  auto start = clock::now();
  size_t n = 0;
  bytes = 0;
  while (true) {
    for (auto& s : situations) bytes += e.evaluate(s, "2026-01-15").size();
    n += situations.size();
    double t = std::chrono::duration<double>(clock::now() - start).count();
    if (t >= seconds) return n / t;
  }
}
}  // namespace

int main(int argc, char** argv) {
  double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  auto t0 = std::chrono::steady_clock::now();
  auto e = skillcalc::Engine::load(skillcalc::embedded_rules(), nullptr);
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!e) return std::puts("rules did not load"), 1;
  std::printf("rule load: %.1f ms\n", load_ms);
  const std::vector<std::pair<const char*, std::vector<std::string>>> sets = {
      {"one event (Weihai contest prize)",
       {R"({"city":"weihai","applicant":{"kind":"person"},"events":[{"id":"e1","type":"competition","date":"2025-07-01","tier":"national_class1","rank":2,"contest":"cnc"}]})"}},
      {"one event, each city",
       {R"({"city":"weihai","applicant":{"kind":"person","employer":"enterprise"},"events":[{"type":"skill_level","date":"2025-07-15","level":"senior_technician","route":"jinlanling_training"}]})",
        R"({"city":"yantai","applicant":{"kind":"enterprise"},"events":[{"type":"skill_level","date":"2025-03-10","level":"technician","route":"enterprise_training","count":45}]})",
        R"({"city":"jining","applicant":{"kind":"person","employer":"enterprise"},"events":[{"type":"skill_level","date":"2025-03-03","level":"technician","route":"social_evaluation"}]})",
        R"({"city":"rizhao","applicant":{"kind":"enterprise"},"events":[{"type":"hire","date":"2022-04-01","talent":"qilu_chief_technician","annual_salary_yuan":300000,"from_outside_city":true,"full_time":true}]})"}},
      {"five events",
       {R"({"city":"weihai","applicant":{"kind":"person","employer":"enterprise"},"events":[{"type":"skill_level","date":"2025-07-15","level":"senior_technician","route":"jinlanling_training"},{"type":"competition","date":"2025-08-01","tier":"provincial_class1","rank":1,"contest":"a"},{"type":"competition","date":"2025-09-01","tier":"national_class1","rank":3,"contest":"a"},{"type":"title","date":"2025-10-01","title":"weihai_chief_technician"},{"type":"training_squad","date":"2025-11-01","squad":"national"}]})"}},
  };
  for (auto& [name, situations] : sets) {
    size_t bytes = 0;
    double r = rate(*e, situations, seconds, bytes);
    std::printf("%-36s %9.0f evaluations/s  (%.1f us each, %zu bytes of JSON per result)\n", name, r, 1e6 / r,
                bytes / std::max<size_t>(1, static_cast<size_t>(r * seconds)));
  }
  return 0;
}
