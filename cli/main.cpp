// skillcalc: the command line. Reads files and the clock, calls the core, writes JSON. See README.md.
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "skillcalc.hpp"

namespace fs = std::filesystem;
using skillcalc::Engine;
using skillcalc::SourceFile;

namespace {

const char* kUsage =
    "usage: skillcalc [--rules DIR] [--today YYYY-MM-DD] COMMAND\n"
    "  eval [FILE|-]           one situation in (JSON), one result out\n"
    "  eval --jsonl [FILE|-]   one situation per line, one result per line; bad lines get an error line\n"
    "  rules                   the documents and measure ids encoded, with counts\n"
    "  documents               the policy documents with numbers, titles, dates and status\n"
    "  catalog CITY            the questions the page asks for CITY\n"
    "  check [DIR]             validate rule files (DIR, or the built-in set) against their policy texts\n"
    "exit codes: 0 ok, 2 invalid input or rules, 1 internal error\n";

std::string today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
  return b;
}

bool read_all(const std::string& path, std::string& out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

// vocabulary.json, */rules.json and */source.txt of a rules folder.
std::vector<SourceFile> read_folder(const std::string& dir, bool sources) {
  std::vector<SourceFile> files;
  std::error_code ec;
  auto add = [&](const fs::path& p, const std::string& name) {
    std::string text;
    if (read_all(p.string(), text)) files.push_back({name, text});
  };
  if (fs::exists(fs::path(dir) / "vocabulary.json", ec)) add(fs::path(dir) / "vocabulary.json", "vocabulary.json");
  for (auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_directory()) continue;
    std::string folder = entry.path().filename().string();
    const char* name = sources ? "source.txt" : "rules.json";
    if (fs::exists(entry.path() / name, ec)) add(entry.path() / name, folder + "/" + name);
  }
  return files;
}

void print_error(const char* code, const std::string& zh, const std::string& en) {
  std::printf("{\"ok\":false,\"error\":{\"code\":\"%s\",\"path\":\"\",\"zh\":\"%s\",\"en\":\"%s\"}}\n", code, zh.c_str(), en.c_str());
}

int run_jsonl(const Engine& e, const std::string& path, const std::string& day) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      print_error("cannot_read", "无法读取文件", "cannot read the file");
      return 2;
    }
    in = &file;
  }
  std::string line;
  long long n = 0, bad = 0;
  std::string out;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    std::string r = e.evaluate(line, day);
    ++n;
    if (r.compare(0, 12, "{\"ok\":false,") == 0) ++bad;
    out += r;
    out += '\n';
    if (out.size() > (1 << 16)) std::fwrite(out.data(), 1, out.size(), stdout), out.clear();
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fprintf(stderr, "%lld situations, %lld with errors\n", n, bad);
  return bad ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string rules_dir, day = today();
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--rules" && i + 1 < args.size()) rules_dir = args[++i];
    else if (args[i] == "--today" && i + 1 < args.size()) day = args[++i];
    else if (args[i] == "--help" || args[i] == "-h") return std::fputs(kUsage, stdout), 0;
    else rest.push_back(args[i]);
  }
  if (rest.empty()) return std::fputs(kUsage, stderr), 2;
  const std::string cmd = rest[0];

  if (cmd == "check") {
    std::string dir = rest.size() > 1 ? rest[1] : rules_dir;
    std::string report = dir.empty() ? skillcalc::check_rules(skillcalc::embedded_rules(), skillcalc::embedded_sources())
                                     : skillcalc::check_rules(read_folder(dir, false), read_folder(dir, true));
    std::puts(report.c_str());
    return report.compare(0, 10, "{\"ok\":true") == 0 ? 0 : 2;
  }

  std::string report;
  auto engine = Engine::load(rules_dir.empty() ? skillcalc::embedded_rules() : read_folder(rules_dir, false), &report);
  if (!engine) {
    std::puts(report.c_str());
    return 2;
  }
  if (cmd == "eval") {
    bool jsonl = false;
    std::string path = "-";
    for (size_t i = 1; i < rest.size(); ++i) {
      if (rest[i] == "--jsonl") jsonl = true;
      else path = rest[i];
    }
    if (jsonl) return run_jsonl(*engine, path, day);
    std::string text;
    if (!read_all(path, text)) {
      print_error("cannot_read", "无法读取文件", "cannot read the file");
      return 2;
    }
    std::string r = engine->evaluate(text, day);
    std::puts(r.c_str());
    return r.compare(0, 10, "{\"ok\":true") == 0 ? 0 : r.find("\"internal_error\"") != std::string::npos ? 1 : 2;
  }
  if (cmd == "rules") return std::puts(engine->rules_summary().c_str()), 0;
  if (cmd == "documents") return std::puts(engine->documents().c_str()), 0;
  if (cmd == "catalog" && rest.size() > 1) {
    std::string r = engine->catalog(rest[1]);
    std::puts(r.c_str());
    return r.compare(0, 10, "{\"ok\":true") == 0 ? 0 : 2;
  }
  std::fputs(kUsage, stderr);
  return 2;
}
