#include "batch.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <vector>

#include "budget_report.hpp"
#include "claim_lines.hpp"
#include "fd_buf.hpp"
#include "job.hpp"
#include "jsonl.hpp"
#include "mapped.hpp"
#include "situation.hpp"

namespace cli {

namespace {

// The mapped input as the sheet library's bytes: pages given back as the passes move on.
class MappedSource : public sheet::Source {
 public:
  explicit MappedSource(Mapped& m) : Source(m.data()), m_(m) {}
  void release(size_t upto) override { m_.release(upto); }
  void release_all() override { m_.release_all(); }
  std::string_view read_at(size_t offset, size_t want, std::string& buf) const override {
    return m_.read_at(offset, want, buf);
  }

 private:
  Mapped& m_;
};

// Messages (whole lines) on stderr, after stdout has been flushed.
void notes(std::string& lines) {
  if (lines.empty()) return;
  lines.pop_back();  // note() adds the last newline
  note(lines);
  lines.clear();
}

// What the job produced so far: its messages to stderr, its output to `out`.
void drain(sheet::Job& job, Output& out) {
  notes(job.notes);
  out.write(job.out);
  job.out.clear();
  job.reported.clear();  // listed on a page; here the messages say it all
}

// budget's closing line: the claims, how many the settlement took and how many it left out, the time, the errors.
void budget_summary(const std::string& answer, size_t claims, double seconds, long long errors) {
  size_t at = answer.rfind("\"claims_skipped\":");
  long long left = at == std::string::npos ? 0 : std::atoll(answer.c_str() + at + 17);
  size_t rows_at = answer.rfind("\"rows_left_out\":");  // a claims CSV: rows whose applicant could not be read
  long long rows = rows_at == std::string::npos ? 0 : std::atoll(answer.c_str() + rows_at + 16);
  char b[240];
  std::snprintf(b, sizeof b, "budget: %zu claims, %lld settled, %lld left out, in %.2f s; %lld errors", claims,
                static_cast<long long>(claims) - left, left, seconds, errors);
  std::string line = b;
  if (rows > 0)
    line += "; " + std::to_string(rows) + " rows left out with their applicant's error / 另有 " + std::to_string(rows) +
            " 行随所属申请人的错误未计入";
  const std::string last = "\"provisional\":true}}";  // the summary's, the answer's last member
  if (answer.size() >= last.size() && answer.compare(answer.size() - last.size(), last.size(), last) == 0)
    line +=
        "; allocations provisional (maxima counted for claims not assessed): settle again with the assessed "
        "amounts before paying / 分配额为暂定（未核定的申报按最高额计入），请给出核定金额重新结算后再发放";
  note(line);
}

// Opens o.path and runs both passes of a claims CSV job, writing as it goes. False when the file cannot be read or
// used at all (the reason is on stderr).
bool run_passes(sheet::Job& job, Output& out, Progress& progress) {
  job.spill = [&] { drain(job, out); };
  if (!job.open()) {
    drain(job, out);
    return false;
  }
  for (bool more = job.total() > 0; more;) {
    more = job.step(1);
    drain(job, out);
    progress.tick(static_cast<long long>(job.done()), static_cast<long long>(job.total()));
  }
  return true;
}

// The claims CSV at o.path through `eval --csv` (items) or `budget`: the exit code.
int run_csv(const skillcalc::Engine& e, const Options& o, bool budget) {
  Progress timer{o.quiet, "budget"};
  Output out;
  if (!out.open(o.out_path)) return write_failed(out);
  Mapped file;
  std::string zh, en;
  if (!file.open(o.path, zh, en)) {
    note("skillcalc: " + o.path + ": " + zh + " / " + en);
    out.discard();  // refused outright: an earlier -o file stays as it was
    return 2;
  }
  MappedSource src(file);
  sheet::JobOptions jo{o.path == "-" ? "<stdin>" : o.path, o.path, o.day, budget, o.format == "csv"};
  sheet::Job job(e, src, jo);
  Progress progress{o.quiet, budget ? "budget --csv (checking rows)" : "eval --csv"};
  if (!run_passes(job, out, progress)) {
    out.discard();
    return 2;
  }
  job.finish();
  if (budget) notes(job.notes);
  out.write(job.out);
  if (!out.finish()) return write_failed(out);
  if (!budget) {
    notes(job.notes);
    return job.code();
  }
  if (!job.settled()) return job.code();
  budget_summary(job.answer(), job.claims(), timer.seconds(), job.errors());
  return job.code();
}

}  // namespace

int run_csv_eval(const skillcalc::Engine& e, const Options& o) {
  return run_csv(e, o, false);
}

bool csv_named(const std::string& path) {
  if (path.size() <= 4) return false;
  std::string end = path.substr(path.size() - 4);
  for (char& c : end) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return end == ".csv";
}

bool looks_like_csv_header(std::string_view line) {
  size_t at = line.find_first_not_of(" \t\xEF\xBB\xBF");
  return at != std::string::npos && line[at] != '{' && line[at] != '[' && line[at] != '"' &&
         std::count(line.begin(), line.end(), ',') >= 2;
}

// A budget's input: JSONL (one claim per line) or the claims CSV; the core's errors mapped back to lines.
int run_budget(const skillcalc::Engine& e, const Options& o) {
  if (o.as_csv) return run_csv(e, o, true);
  Output output;
  if (!output.open(o.out_path)) return write_failed(output);
  sheet::ClaimLines taken;  // the claims, the line of each, the lines left out
  long long errors = 0;
  std::string src = o.path == "-" ? "<stdin>" : o.path;
  Progress progress{o.quiet, "budget"};
  std::ifstream file;
  FdBuf stdin_buf(0);
  std::istream stdin_stream(&stdin_buf);
  std::istream* in = &stdin_stream;
  if (o.path != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(o.path, ec) || (file.open(o.path, std::ios::binary), !file)) {
      note("skillcalc: " + o.path + ": 无法读取文件 / cannot read the file");
      return 2;
    }
    in = &file;
    if (const char* refusal = utf16_refusal(file)) {  // no line of it is JSON as read: refused once, as eval --jsonl
      note("skillcalc: " + o.path +
           ": 文件不能逐行读取（UTF-16 编码或 Excel 工作簿，见输出的错误）/ the file cannot be read line by line "
           "(UTF-16 or "
           "an Excel workbook: see the error written)");
      output.write(refusal);
      return output.finish() ? 2 : write_failed(output);
    }
  } else if (const char* refusal = utf16_refusal(stdin_buf.buffered_head())) {
    note(
        "skillcalc: <stdin>: 输入不能逐行读取（UTF-16 编码或 Excel 工作簿，见输出的错误）/ the input cannot be read "
        "line by line (UTF-16 or an Excel workbook: see the error written)");
    output.write(refusal);
    return output.finish() ? 2 : write_failed(output);
  }
  std::string l;
  bool overlong = false;
  long long bytes = 0;
  long line = 0;
  std::unordered_map<uint64_t, long> seen;  // a claim's text (by hash) -> its first line
  LineReader lines(*in->rdbuf());
  while (lines.next(l, sheet::max_claim_line_bytes(), overlong, bytes)) {
    ++line;
    const uint64_t hash = std::hash<std::string>()(l);
    if (taken.claims.empty() && looks_like_csv_header(l))
      note(src + ":" + std::to_string(line) +
           ": 这一行不是 JSON，看起来是表格（CSV）的表头：表格请用 budget --csv / this line is not JSON but looks like "
           "a spreadsheet's header: for a CSV use budget --csv");
    // A repeated line is warned about when it is a claim that counts: a broken line repeated has its own errors.
    const auto prior = seen.find(hash);
    const bool repeat = prior != seen.end() && nlohmann::json::accept(l);
    switch (taken.take(std::move(l), line, overlong, true)) {
      case sheet::ClaimLines::Taken::LeftOut:
        note(src + ":" + std::to_string(line) +
             ": 这一行过大（最多 256 KiB），未计入 / this line is too large (at most 256 KiB): left out");
        ++errors;
        break;
      case sheet::ClaimLines::Taken::Blank:
        break;
      case sheet::ClaimLines::Taken::Claim:
        if (prior == seen.end())
          seen.emplace(hash, line);
        else if (repeat)
          note(src + ":" + std::to_string(line) + ": 警告：与第 " + std::to_string(prior->second) +
               " 行完全相同（若是重复录入，请删去一行） / warning: identical to line " + std::to_string(prior->second) +
               " (delete one if it was entered twice)");
        break;
    }
  }
  std::string r = sheet::settle_lines(e, taken, o.day);
  const size_t claim_count = taken.claims.size();
  std::vector<std::string>().swap(taken.claims);
  sheet::BudgetReport report = sheet::budget_report(
      r, o.format == "csv", [&](size_t k, const std::string& p, const std::string& zh, const std::string& en) {
        const std::string text = zh + " / " + en;
        return src + ":" + std::to_string(k < taken.line_of.size() ? taken.line_of[k] : 0L) + ": " +
               (p.empty() ? "" : p + ": ") + text;
      });
  bool answered = r.compare(0, 10, "{\"ok\":true") == 0;
  size_t at = r.rfind("\"summary\":");
  const std::string summary = at == std::string::npos ? std::string() : r.substr(at);
  std::string().swap(r);
  notes(report.notes);
  output.write(report.text);
  if (!output.finish()) return write_failed(output);
  if (!answered) return report.code;
  errors += report.errors;
  budget_summary(summary, claim_count, progress.seconds(), errors);
  return errors ? 2 : 0;
}

}  // namespace cli
