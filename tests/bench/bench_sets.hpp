// The benchmark's fixed situations: one event, one event in each city, five events (build/bench, build/bench_parse).
#pragma once
#include <string>
#include <utility>
#include <vector>

inline std::vector<std::pair<std::string, std::vector<std::string>>> bench_sets() {
  return {
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
}
