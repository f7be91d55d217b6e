// skillcalc: the command line. Reads files and the clock, calls the core, writes JSON. See README.md.
#include <sys/stat.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "authoring.hpp"
#include "batch.hpp"
#include "compare.hpp"
#include "day.hpp"
#include "fd_buf.hpp"
#include "folder.hpp"
#include "jsonl.hpp"
#include "output.hpp"
#include "situation.hpp"
#include "skillcalc.hpp"

using skillcalc::Engine;
using skillcalc::SourceFile;

namespace {

const char* kUsageZh =
    "用法：skillcalc [--rules 目录] [--today 年-月-日] [--quiet] [-o 输出文件] 命令\n"
    "  eval [文件|-]           输入一个情形（JSON），输出一个结果\n"
    "  eval --jsonl [文件|-]   每行一个情形，每行一个答复（有误或空白的行得到带 \"line\" 行号的错误对象）\n"
    "  eval --compact          精简结果：编号、状态、金额、合计、支付方、领取方、事项编号和标记，不含说明和原文\n"
    "  eval --jsonl --threads N  用 N 个线程计算（默认为可用处理器数，最多 16）；答复及顺序与 N 无关\n"
    "  eval --csv [文件|-]     输入事项表格（每行一个事项，按申请人归组），输出逐项结果 CSV（带 BOM 的\n"
    "                          UTF-8、CRLF，可用 Excel 和 WPS 打开）\n"
    "  budget [--csv] [--format json|csv] [文件|-]\n"
    "                          输入一个城市一年的全部申报（JSONL 或申报表 CSV），按全市资金总额和名额结算：\n"
    "                          申报额、核定额及各支付方承担的部分\n"
    "  compare [--cities a,b] [文件|-]  同一情形按各城市（默认全部）的文件逐一计算，并列对照\n"
    "  rules                   已编码的文件和条款编号及数量\n"
    "  documents               政策文件的文号、标题、日期和状态\n"
    "  catalog 城市            页面为该城市提出的问题\n"
    "  check [目录]            按政策原文校验规则文件（目录或内置规则），并运行 目录/*/cases.json 中的案例\n"
    "  new 城市-年份 [--text 文件]  在 rules/（或 --rules 目录）中建立新文件的目录\n"
    "-o 输出文件：输出写入该文件而非标准输出（eval、eval --jsonl、eval --csv、budget、compare）\n"
    "--today：计算所依据的日期（默认今天），格式 2026-12-01\n"
    "--quiet：标准错误上不显示进度（保留汇总行）\n"
    "退出码：0 成功；2 输入或规则有误（批量模式下：部分行有误）；1 内部错误或写入失败（输出不完整）\n"
    "\n";

const char* kUsage =
    "usage: skillcalc [--rules DIR] [--today YYYY-MM-DD] [--quiet] [-o OUT] COMMAND\n"
    "  eval [FILE|-]           one situation in (JSON), one result out\n"
    "  eval --jsonl [FILE|-]   one situation per line, one answer per line (a bad or blank line gets an error\n"
    "                          object with its \"line\")\n"
    "  eval --compact, eval --jsonl --compact\n"
    "                          the compact result: ids, statuses, amounts, totals, payers, recipients, event\n"
    "                          ids and flags, without explanations, notes, suggestions or quotes\n"
    "  eval --jsonl --threads N\n"
    "                          answer with N threads (default: the processors it may run on, at most\n"
    "                          16); the same answers in the same order whatever N\n"
    "  eval --csv [FILE|-]     a spreadsheet of events (one row per event, grouped by applicant) in, a CSV\n"
    "                          of items out (UTF-8 with BOM, CRLF: opens in Excel and WPS)\n"
    "  budget [--csv] [--format json|csv] [FILE|-]\n"
    "                          all claims of a city and year in (JSONL, or the claims CSV), the city-wide\n"
    "                          budgets and quotas settled: claimed, allocated and each payer's part\n"
    "  compare [--cities a,b] [FILE|-]\n"
    "                          one situation under each city's documents (default: every city), side by side\n"
    "  rules                   the documents and measure ids encoded, with counts\n"
    "  documents               the policy documents with numbers, titles, dates and status\n"
    "  catalog CITY            the questions the page asks for CITY\n"
    "  check [DIR]             validate rule files (DIR, or the built-in set) against their policy texts,\n"
    "                          and run every DIR/*/cases.json against DIR's rules\n"
    "  new CITY-YEAR [--text FILE]  lay out a new document's folder in rules/ (or --rules DIR)\n"
    "-o OUT: write the output to OUT instead of stdout (eval, eval --jsonl, eval --csv, budget, compare)\n"
    "--quiet: no progress lines on stderr (the summary stays)\n"
    "exit codes: 0 ok, 2 invalid input or rules (in batch modes: some lines or rows had errors),\n"
    "            1 internal error or a failed write (the output is incomplete)\n";

std::string today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char b[16];
  std::strftime(b, sizeof b, "%Y-%m-%d", &tm);
  return b;
}

std::string error_object(const char* code, const std::string& zh, const std::string& en) {
  return std::string("{\"ok\":false,\"error\":{\"code\":\"") + code + "\",\"path\":\"\",\"zh\":\"" + zh +
         "\",\"en\":\"" + en + "\"}}\n";
}

// The input of `eval`: at most the situation size limit and a little more (the core refuses it as too_large).
bool read_input(const std::string& path, std::string& out, std::string& why_zh, std::string& why_en) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    struct stat st {};
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      why_zh = "这是一个文件夹，不是文件", why_en = "this is a folder, not a file";
      return false;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      why_zh = "无法读取文件", why_en = "cannot read the file";
      return false;
    }
    in = &file;
  }
  out.clear();
  char buf[1 << 16];
  while (in->read(buf, sizeof buf) || in->gcount() > 0) {
    out.append(buf, static_cast<size_t>(in->gcount()));
    if (out.size() > skillcalc::kMaxSituationBytes) break;  // enough to refuse it
  }
  if (in->bad()) {
    why_zh = "读取失败", why_en = "the read failed";
    return false;
  }
  return true;
}

int finish(cli::Output& out, int code) {
  return out.finish() ? code : cli::write_failed(out);
}

int run_eval(const Engine& e, const cli::Options& o) {
  cli::Output out;
  if (!out.open(o.out_path)) return cli::write_failed(out);
  std::string text, zh, en;
  if (!read_input(o.path, text, zh, en)) {
    out.write(error_object("cannot_read", zh, en));
    return finish(out, 2);
  }
  std::string r = o.compact ? e.evaluate_compact(text, o.day) : e.evaluate(text, o.day);
  out.write(r + "\n");
  if (r.find("\"code\":\"invalid_json\"") != std::string::npos &&
      cli::looks_like_csv_header(std::string_view(text).substr(0, text.find('\n'))))
    cli::note("skillcalc: " + o.path +
              ": 这不是 JSON，看起来是表格（CSV）：表格请用 eval --csv / this is not JSON but looks like a spreadsheet "
              "(CSV): for a CSV use eval --csv");
  int code = r.compare(0, 10, "{\"ok\":true") == 0 ? 0 : r.find("\"internal_error\"") != std::string::npos ? 1 : 2;
  return finish(out, code);
}

int run_jsonl(const Engine& e, const cli::Options& o) {
  cli::Output out;
  if (!out.open(o.out_path)) return cli::write_failed(out);
  std::ifstream file;
  cli::FdBuf stdin_buf(0);
  std::istream stdin_stream(&stdin_buf);
  std::istream* in = &stdin_stream;
  long long size = 0;
  if (o.path != "-") {
    struct stat st {};
    if (stat(o.path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      out.write(error_object("cannot_read", "这是一个文件夹，不是文件", "this is a folder, not a file"));
      return finish(out, 2);
    }
    file.open(o.path, std::ios::binary);
    if (!file) {
      out.write(error_object("cannot_read", "无法读取文件", "cannot read the file"));
      return finish(out, 2);
    }
    in = &file;
    size = static_cast<long long>(st.st_size);
    if (const char* refusal = cli::utf16_refusal(file)) {  // refused once, as the CSV reader refuses UTF-16
      out.write(refusal);
      return finish(out, 2);
    }
    std::string head(4096, '\0');  // a claims CSV given as JSONL: each line is answered as bad JSON; said once
    file.read(&head[0], static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(file.gcount()));
    if (cli::looks_like_csv_header(std::string_view(head).substr(0, head.find('\n'))))
      cli::note(
          "skillcalc: " + o.path +
          ": 第 1 行不是 JSON，看起来是表格（CSV）的表头：表格请用 eval --csv / line 1 is not JSON but looks like "
          "a spreadsheet's header: for a CSV use eval --csv");
    file.clear();
    file.seekg(0);
  } else if (const char* refusal = cli::utf16_refusal(stdin_buf.buffered_head())) {
    out.write(refusal);
    return finish(out, 2);
  }
  cli::Progress progress{o.quiet, "eval --jsonl"};
  cli::JsonlCounts n = cli::eval_jsonl(e, *in, o.day, out, &progress, size, o.compact, o.threads);
  if (!out.finish()) return cli::write_failed(out);
  cli::note("eval --jsonl: " + std::to_string(n.lines) + " lines, " + std::to_string(n.lines - n.bad) + " answered, " +
            std::to_string(n.bad) + " with errors");
  return n.bad ? 2 : 0;
}

int run_simple(const std::string& text, bool ok_when_ok) {
  std::fputs((text + "\n").c_str(), stdout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fputs("skillcalc: 无法写入标准输出 / cannot write the output\n", stderr);
    return 1;
  }
  return !ok_when_ok || text.compare(0, 10, "{\"ok\":true") == 0 ? 0 : 2;
}

// --threads N: a whole number from 1 to kMaxThreads, digits only.
bool parse_threads(const std::string& v, int& threads) {
  if (v.empty() || v.size() > 2 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  int n = std::stoi(v);
  if (n < 1 || n > cli::kMaxThreads) return false;
  threads = n;
  return true;
}

// Whether the input (a path, or "-": standard input, which a shell may have redirected from a file) and the output
// path name one file (through links too); false where the output does not exist yet.
bool same_file(const std::string& in, const std::string& out) {
  if (in.empty() || out.empty()) return false;
  struct stat a {};
  struct stat b {};
  bool have_in = in == "-" ? fstat(0, &a) == 0 && S_ISREG(a.st_mode) : stat(in.c_str(), &a) == 0;
  return have_in && stat(out.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// The usage in Chinese, then in English.
void print_usage(std::FILE* to) {
  std::fputs(kUsageZh, to);
  std::fputs(kUsage, to);
}

int refuse(const std::string& zh, const std::string& en) {
  cli::note("skillcalc: " + zh + " / " + en);
  print_usage(stderr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string rules_dir, text_path;
  cli::Options o;
  o.day = today();
  o.threads = cli::default_threads();
  std::vector<std::string> rest;
  std::string cities;
  bool cities_given = false;
  bool jsonl = false, format_given = false, threads_given = false, end_of_options = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    bool has_value = i + 1 < args.size();
    if (end_of_options || a == "-" || a.empty() || a[0] != '-') {
      rest.push_back(a);
    } else if (a == "--") {
      end_of_options = true;
    } else if (a == "--rules" || a == "--today" || a == "-o" || a == "--out" || a == "--format" || a == "--text") {
      if (!has_value) return refuse("选项 " + a + " 缺少取值", "the option " + a + " needs a value");
      std::string& v = a == "--rules"    ? rules_dir
                       : a == "--today"  ? o.day
                       : a == "--format" ? o.format
                       : a == "--text"   ? text_path
                                         : o.out_path;
      v = args[++i];
      format_given = format_given || a == "--format";
    } else if (a == "--threads") {
      if (!has_value) return refuse("选项 --threads 缺少取值", "the option --threads needs a value");
      if (!parse_threads(args[++i], o.threads))
        return refuse("--threads 须是 1 到 " + std::to_string(cli::kMaxThreads) + " 的整数",
                      "--threads takes a whole number from 1 to " + std::to_string(cli::kMaxThreads));
      threads_given = true;
    } else if (a == "--cities") {
      if (!has_value) return refuse("选项 --cities 缺少取值", "the option --cities needs a value");
      cities = args[++i];
      cities_given = true;
    } else if (a == "--quiet" || a == "-q") {
      o.quiet = true;
    } else if (a == "--jsonl") {
      jsonl = true;
    } else if (a == "--csv") {
      o.as_csv = true;
    } else if (a == "--compact") {
      o.compact = true;
    } else if (a == "--help" || a == "-h") {
      return print_usage(stdout), 0;
    } else {
      return refuse("未知选项 " + a, "unknown option " + a);
    }
  }
  if (rest.empty()) return print_usage(stderr), 2;
  // A day every row would be measured against: a bad one is refused once, before any input is read, not on each row.
  if (!skillcalc::parse_day(o.day))
    return refuse("--today 须是 YYYY-MM-DD 格式的真实日期（收到“" + o.day + "”）",
                  "--today must be a real day written YYYY-MM-DD (got '" + o.day + "')");
  const std::string cmd = rest[0];
  const bool batch = cmd == "eval" || cmd == "budget" || cmd == "compare";
  if (rest.size() > (cmd == "check" || cmd == "catalog" || cmd == "new" || batch ? 2u : 1u))
    return refuse("多余的参数 " + rest.back(), "an argument too many: " + rest.back());
  if ((jsonl || o.as_csv) && cmd != "eval" && !(cmd == "budget" && o.as_csv && !jsonl))
    return refuse("--jsonl/--csv 只用于 eval 和 budget", "--jsonl and --csv belong to eval and budget");
  if (jsonl && o.as_csv) return refuse("--jsonl 与 --csv 只能选一个", "--jsonl and --csv exclude each other");
  if (o.compact && (cmd != "eval" || o.as_csv))
    return refuse("--compact 只用于 eval 和 eval --jsonl", "--compact belongs to eval and eval --jsonl");
  if (threads_given && !(cmd == "eval" && jsonl))
    return refuse("--threads 只用于 eval --jsonl", "--threads belongs to eval --jsonl");
  if (format_given && cmd != "budget") return refuse("--format 只用于 budget", "--format belongs to budget");
  if (!o.out_path.empty() && !batch)
    return refuse("-o 只用于 eval、budget 和 compare", "-o belongs to eval, budget and compare");
  if (!text_path.empty() && cmd != "new") return refuse("--text 只用于 new", "--text belongs to new");
  if (cities_given && cmd != "compare") return refuse("--cities 只用于 compare", "--cities belongs to compare");
  if (cities_given && cities.empty()) return refuse("--cities 不能为空", "--cities must name a city");
  if (batch && rest.size() > 1) o.path = rest[1];
  if (same_file(o.path, o.out_path)) {  // the output would overwrite the input while it is read, or be read again
    cli::note("skillcalc: -o " + o.out_path + " 就是输入文件：输出会覆盖正在读取的输入，请写到另一个文件 / -o " +
              o.out_path +
              " is the input file: the output would overwrite the input being read; write to another file");
    return 2;
  }

  if (cmd == "check") return run_check(rest.size() > 1 ? rest[1] : rules_dir, o.day, o.quiet);
  if (cmd == "new") {
    std::vector<std::string> words = rest;
    if (!text_path.empty()) words.insert(words.end(), {"--text", text_path});
    return run_new(words, rules_dir);
  }

  std::string report;
  std::vector<SourceFile> files;
  if (rules_dir.empty()) {
    files = skillcalc::embedded_rules();
  } else {
    skillcalc::Problems problems;
    files = cli::read_folder(rules_dir, false, problems);
    if (!problems.empty()) return run_simple(problems.json_report("rules"), true);
  }
  auto engine = Engine::load(files, &report);
  if (!engine) return run_simple(report, true);
  if (cmd == "eval") {
    if (o.as_csv) return cli::run_csv_eval(*engine, o);
    if (jsonl) return run_jsonl(*engine, o);
    return run_eval(*engine, o);
  }
  if (cmd == "budget") {
    if (cli::csv_named(o.path)) o.as_csv = true;
    if (o.format != "json" && o.format != "csv")
      return refuse("--format 只能是 json 或 csv", "--format must be json or csv");
    return cli::run_budget(*engine, o);
  }
  if (cmd == "compare") return cli::run_compare(*engine, o, cities);
  if (cmd == "rules") return run_simple(engine->rules_summary(), false);
  if (cmd == "documents") return run_simple(engine->documents(o.day), false);
  if (cmd == "catalog" && rest.size() > 1) return run_simple(engine->catalog(rest[1]), true);
  print_usage(stderr);
  return 2;
}
