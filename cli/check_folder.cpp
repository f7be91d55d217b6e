// skillcalc check [DIR]: the rule files, their quotes against the policy texts, and the golden cases, in one report.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "authoring.hpp"
#include "folder.hpp"
#include "skillcalc.hpp"

namespace fs = std::filesystem;
using skillcalc::SourceFile;

std::vector<SourceFile> files_in_folder(const std::string& dir, const char* name) {
  std::vector<SourceFile> files;
  auto add = [&](const fs::path& p, const std::string& as) {
    std::ifstream f(p, std::ios::binary);
    if (!f) return;
    std::ostringstream ss;
    ss << f.rdbuf();
    files.push_back({as, ss.str()});
  };
  std::error_code ec;
  const bool rules = std::string(name) == "rules.json";  // with the vocabulary and the claim files
  for (const char* top : {"vocabulary.json", "claim.json"})
    if (rules && fs::exists(fs::path(dir) / top, ec)) add(fs::path(dir) / top, top);
  for (auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_directory(ec)) continue;
    std::string folder = entry.path().filename().string();
    if (fs::exists(entry.path() / name, ec)) add(entry.path() / name, folder + "/" + name);
    if (rules && fs::exists(entry.path() / "claim.json", ec)) add(entry.path() / "claim.json", folder + "/claim.json");
  }
  return files;
}

namespace {

// "DIR/weihai-2025/rules.json:123: /measures/4/quote: 中文 / English", as an editor can jump to.
void print_problem(const std::string& dir, const nlohmann::json& q, const char* kind) {
  std::string file = q.value("file", "");
  std::string where = dir.empty() ? file : file.empty() ? dir : dir + "/" + file;
  if (q.contains("line")) where += ":" + std::to_string(q["line"].get<int>());
  if (q.contains("column")) where += ":" + std::to_string(q["column"].get<int>());
  std::string path = q.value("path", "");
  std::fprintf(stderr, "%s: %s%s%s [%s]: %s / %s\n", where.c_str(), kind, path.empty() ? "" : " at ", path.c_str(),
               q.value("code", "").c_str(), q.value("zh", "").c_str(), q.value("en", "").c_str());
}

}  // namespace

int run_check(const std::string& dir, const std::string& today, bool quiet) {
  std::string report;
  if (dir.empty()) {
    report = skillcalc::check_folder(skillcalc::embedded_rules(), skillcalc::embedded_sources(),
                                     skillcalc::embedded_cases(), today);
  } else {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      std::printf(
          "{\"ok\":false,\"error\":{\"code\":\"cannot_read\",\"path\":\"\",\"zh\":\"没有这个文件夹\","
          "\"en\":\"no such folder\"}}\n");
      std::fprintf(stderr, "skillcalc: 没有文件夹 %s / no folder %s\n", dir.c_str(), dir.c_str());
      return 2;
    }
    // Rules and texts through the folder reader that refuses link loops, dangling links and oversized files.
    skillcalc::Problems unreadable;
    auto rules = cli::read_folder(dir, false, unreadable);
    auto sources = cli::read_folder(dir, true, unreadable);
    report = unreadable.empty() ? skillcalc::check_folder(rules, sources, files_in_folder(dir, "cases.json"), today)
                                : unreadable.json_report("rules");
  }
  std::puts(report.c_str());
  auto r = nlohmann::json::parse(report, nullptr, false);
  if (!r.is_object()) return 1;
  if (r.contains("error")) {
    std::fprintf(stderr, "skillcalc check: %s / %s\n", r["error"].value("zh", "").c_str(),
                 r["error"].value("en", "").c_str());
    return r["error"].value("code", "") == "internal_error" ? 1 : 2;
  }
  for (auto& q : r.value("problems", nlohmann::json::array())) print_problem(dir, q, "error");
  auto warnings = r.value("warnings", nlohmann::json::array());
  if (!quiet)
    for (auto& q : warnings) print_problem(dir, q, "warning");
  if (r.contains("summary"))
    std::fprintf(stderr, "check: %s\ncheck: %s%s\n", r["summary"].value("zh", "").c_str(),
                 r["summary"].value("en", "").c_str(),
                 warnings.empty() ? "" : (" (" + std::to_string(warnings.size()) + " warnings)").c_str());
  return r.value("ok", false) ? 0 : 2;
}
