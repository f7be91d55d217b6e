// `skillcalc compare`: reads one situation, asks the core for every requested city, writes one JSON line.
#include "compare.hpp"

#include <sys/stat.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "output.hpp"
#include "situation.hpp"

namespace cli {

std::string cities_json(const std::string& list) {
  if (list.empty()) return "";
  nlohmann::json a = nlohmann::json::array();
  size_t start = 0;
  while (true) {
    size_t comma = list.find(',', start);
    a.push_back(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

std::string cannot_read(const std::string& zh, const std::string& en) {
  return "{\"ok\":false,\"error\":{\"code\":\"cannot_read\",\"path\":\"\",\"zh\":\"" + zh + "\",\"en\":\"" + en +
         "\"}}\n";
}

// At most the situation size limit and a little more (the core refuses it as too_large).
bool read_situation(const std::string& path, std::string& text, std::string& error) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    struct stat st {};
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
      return error = cannot_read("这是一个文件夹，不是文件", "this is a folder, not a file"), false;
    file.open(path, std::ios::binary);
    if (!file) return error = cannot_read("无法读取文件", "cannot read the file"), false;
    in = &file;
  }
  char buf[1 << 16];
  while (in->read(buf, sizeof buf) || in->gcount() > 0) {
    text.append(buf, static_cast<size_t>(in->gcount()));
    if (text.size() > skillcalc::kMaxSituationBytes) break;
  }
  if (in->bad()) return error = cannot_read("读取失败", "the read failed"), false;
  return true;
}

}  // namespace

int run_compare(const skillcalc::Engine& e, const Options& o, const std::string& cities) {
  Output out;
  if (!out.open(o.out_path)) return write_failed(out);
  std::string text, error;
  int code = 2;
  if (!read_situation(o.path, text, error)) {
    out.write(error);
  } else {
    std::string r = e.compare(text, cities_json(cities), o.day);
    out.write(r + "\n");
    code = r.compare(0, 10, "{\"ok\":true") == 0 ? 0 : r.find("\"internal_error\"") != std::string::npos ? 1 : 2;
  }
  return out.finish() ? code : write_failed(out);
}

}  // namespace cli
