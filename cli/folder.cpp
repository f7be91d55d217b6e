#include "folder.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace cli {

namespace {

void cannot(skillcalc::Problems& problems, const std::string& name, const std::string& why_zh,
            const std::string& why_en) {
  problems.add(name, "", "cannot_read", "无法读取 " + name + "：" + why_zh, "cannot read " + name + ": " + why_en);
}

// The file at p, named `name`, when it is there; a problem when it is there but cannot be used.
void add(const fs::path& p, const std::string& name, std::vector<skillcalc::SourceFile>& files,
         skillcalc::Problems& problems) {
  std::error_code ec;
  fs::file_status link = fs::symlink_status(p, ec);
  if (ec || link.type() == fs::file_type::not_found) return;
  fs::file_status st = fs::status(p, ec);
  if (ec || st.type() == fs::file_type::not_found)
    return cannot(problems, name, "链接指向不存在的文件或形成循环（" + ec.message() + "）",
                  "a link to nothing or a loop of links (" + ec.message() + ")");
  if (st.type() != fs::file_type::regular) return cannot(problems, name, "不是普通文件", "not a regular file");
  auto size = fs::file_size(p, ec);
  if (ec) return cannot(problems, name, ec.message(), ec.message());
  if (size > kMaxRuleFileBytes) {
    problems.add(name, "", "too_large", "规则文件过大（" + std::to_string(size) + " 字节，最多 4 MiB）",
                 "the rule file is too large (" + std::to_string(size) + " bytes, at most 4 MiB)");
    return;
  }
  std::ifstream f(p, std::ios::binary);
  std::ostringstream ss;
  if (!f || !(ss << f.rdbuf()) || ss.str().size() > kMaxRuleFileBytes)
    return cannot(problems, name, "读取失败", "the read failed");
  files.push_back({name, ss.str()});
}

}  // namespace

std::vector<skillcalc::SourceFile> read_folder(const std::string& dir, bool sources, skillcalc::Problems& problems) {
  std::vector<skillcalc::SourceFile> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    problems.add(dir, "", "cannot_read", "规则文件夹不存在或无法读取：" + dir,
                 "the rules folder is not there or cannot be read: " + dir);
    return files;
  }
  if (!sources) add(fs::path(dir) / "vocabulary.json", "vocabulary.json", files, problems);
  if (!sources) add(fs::path(dir) / "claim.json", "claim.json", files, problems);  // optional: how to claim
  std::vector<fs::path> folders;
  fs::directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    if (it->is_directory(e2))
      folders.push_back(it->path());
    else if (it->is_symlink(e2) && !fs::exists(it->path(), e2))  // a link to nothing, or a loop of links
      cannot(problems, it->path().filename().string(), "链接指向不存在的位置或形成循环",
             "a link to nothing or a loop of links");
  }
  if (ec)
    problems.add(dir, "", "cannot_read", "无法列出规则文件夹：" + ec.message(),
                 "cannot list the rules folder: " + ec.message());
  std::sort(folders.begin(), folders.end());
  const char* name = sources ? "source.txt" : "rules.json";
  for (auto& d : folders) {
    add(d / name, d.filename().string() + "/" + name, files, problems);
    if (!sources) add(d / "claim.json", d.filename().string() + "/claim.json", files, problems);
  }
  return files;
}

}  // namespace cli
