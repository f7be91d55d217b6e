#include "job.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "budget_report.hpp"

namespace sheet {

namespace {

// The words added to a claim's error where the applicant is several rows, all left out with it.
std::pair<std::string, std::string> all_lines_left_out(const std::vector<long>& lines) {
  if (lines.size() < 2) return {};
  std::string zh = "（本申请人第", en = " (lines ";
  for (size_t i = 0; i < lines.size(); ++i)
    zh += (i ? "、" : "") + std::to_string(lines[i]), en += (i ? ", " : "") + std::to_string(lines[i]);
  return {zh + "行均未计入）", en + " of this applicant all left out)"};
}

}  // namespace

Job::Job(const skillcalc::Engine& e, Source& src, JobOptions o)
    : e_(e),
      o_(std::move(o)),
      settler_(e, src, o_.day,
               Handlers{[this](Settled& s) { on_applicant(s); }, [this](const csv::RowError& r) { on_row_error(r); }}) {
  items_.file = o_.file;
  items_.model = &e.model();
}

// Items: the header row goes out with the first row, so that a refused file writes nothing.
void Job::emit() {
  if (!started_) out += items_header(), started_ = true;
  out += items_.text;
  notes += items_.notes;
  items_.text.clear();
  items_.notes.clear();
  spill_if_large();
}

void Job::spill_if_large() {
  if (spill && (out.size() + notes.size() > (1u << 20) || reported.size() > 4096)) spill();
}

// A row left out, in `notes` as the command line prints it and in `reported` as it is.
void Job::report(const csv::RowError& err) {
  notes += message(o_.file, err) + "\n";
  reported.push_back(err);
  ++errors_;
  if (o_.budget)
    left_out_.push_back(
        {err.line, err.column, err.column_name, err.applicant, err.zh, err.en, err.rows_skipped, err.city, err.also});
  spill_if_large();
}

// Two identical rows are two events of one applicant, both counted: said, in case one was entered twice. Rows left out
// (errors) are not counted, so nothing is said of them.
void Job::warn_repeats(const Settled& s) {
  auto counted = [&](long line) {
    return !s.result.empty() && std::find(s.claim.lines.begin(), s.claim.lines.end(), line) != s.claim.lines.end();
  };
  for (auto& [line, name] : s.claim.aliases)
    notes += o_.file + ":" + std::to_string(line) + ": 警告：申请人“" + name + "”与“" + s.claim.applicant +
             "”只差空格、全角半角或大小写，按同一申请人计算 / warning: applicant '" + name + "' differs from '" +
             s.claim.applicant + "' only in spaces, full-width forms or case, and is taken as the same applicant\n";
  std::vector<std::tuple<long, long, bool>> same;  // line, the earlier line, whether identical as written
  for (auto& [line, first] : s.claim.repeats) same.emplace_back(line, first, true);
  for (auto& [line, first] : s.claim.alike) same.emplace_back(line, first, false);
  std::sort(same.begin(), same.end());
  for (auto& [line, first, exact] : same) {
    if (!counted(line) || !counted(first)) continue;
    notes += o_.file + ":" + std::to_string(line) + ": 警告：与第 " + std::to_string(first) +
             (exact ? " 行完全相同" : " 行内容相同（日期、名称或数字只是写法不同）") +
             "；两行都已计入（若是重复录入，请删去一行） / warning: " +
             (exact ? "identical to line " + std::to_string(first)
                    : "the same as line " + std::to_string(first) +
                          " once read (dates, names or numbers written differently)") +
             "; both are counted (delete one if it was entered twice)\n";
  }
}

void Job::on_applicant(Settled& s) {
  warn_repeats(s);
  for (auto& err : s.errors) reported.push_back(err);
  if (!o_.budget) {
    items_.applicant(s);
    emit();
    return;
  }
  for (auto& err : s.errors) {
    notes += message(o_.file, err) + "\n", ++errors_;
    left_out_.push_back(
        {err.line, err.column, err.column_name, err.applicant, err.zh, err.en, err.rows_skipped, err.city, err.also});
  }
  if (s.result.empty()) {  // an applicant given whose every row was left out
    left_out_of_.unread += !s.errors.empty();
    return;
  }
  if (!s.errors.empty()) left_out_of_.claims.push_back(claims_.size());
  nlohmann::json env = {{"id", s.claim.applicant}, {"situation", s.claim.situation}};
  if (!s.claim.claimed.empty()) env["claimed_yuan"] = s.claim.claimed;
  claims_.push_back(env.dump());
  std::string().swap(s.result);  // its capacity too: kept for every applicant, a result's 10 KB would add up
  s.claim.situation = nullptr;
  s.claim.claimed = nullptr;
  kept_.push_back(std::move(s));
}

void Job::on_row_error(const csv::RowError& err) {
  if (!o_.budget) {
    reported.push_back(err);
    items_.row_error(err);
    emit();
    return;
  }
  report(err);
}

bool Job::open() {
  csv::Refusal fatal;
  if (settler_.open(fatal)) return true;
  const std::string& path = o_.path.empty() ? o_.file : o_.path;
  notes += "skillcalc: " + path + ": " + fatal.zh + "\n" + path + ": " + fatal.en + "\n";
  code_ = 2;
  return false;
}

bool Job::step(size_t applicants) {
  for (size_t k = 0; k < applicants; ++k)
    if (!settler_.step()) return false;
  return settler_.done() < settler_.total();
}

// A last line with no line break: a file cut there would have cut its last cell too (a place of 12 read as 1).
void Job::warn_unended() {
  const Counts& c = settler_.counts();
  if (!c.unended_line) return;
  notes += o_.file + ":" + std::to_string(c.unended_line) +
           ": 警告：文件的最后一行没有换行结束，文件可能被截断：请核对本行最后一格“" + c.unended_cell +
           "”是否完整 / warning: the file's last line has no line break, so the file may have been cut " +
           "short: check that the line's last cell '" + c.unended_cell + "' is whole\n";
}

void Job::finish() {
  warn_unended();
  if (o_.budget) return finish_budget();
  emit();
  notes += items_.summary(settler_.counts()) + "\n";
  errors_ = items_.errors;
  code_ = items_.errors ? 2 : 0;
}

// The claims of every applicant kept, settled together; the core's errors named by the applicant's rows.
void Job::finish_budget() {
  const csv::Columns& cols = settler_.layout().columns;
  // Each claim's error named by the line of the row it comes from (the applicant's first row if no one row).
  answer_ = with_error_lines(
      e_.budget(claims_, o_.day),
      [&](size_t k, const std::string& p) {
        if (k >= kept_.size()) return 0L;
        bool whole = true;
        int ev = -1;
        return csv::locate(kept_[k].claim, cols, p.rfind("/situation", 0) == 0 ? p.substr(10) : p, whole, ev).line;
      },
      [&](size_t k) { return k < kept_.size() ? kept_[k].claim.lines : std::vector<long>{}; });
  answer_ = with_rows_left_out(answer_, left_out_, left_out_of_);
  claim_count_ = claims_.size();
  std::vector<std::string>().swap(claims_);
  BudgetReport report = budget_report(
      answer_, o_.budget_csv, [&](size_t k, const std::string& p, const std::string& zh, const std::string& en) {
        const std::string text = zh + " / " + en;
        if (k >= kept_.size()) {
          reported.push_back({0, 0, "", p.empty() ? zh : p + ": " + zh, p.empty() ? en : p + ": " + en, 1, ""});
          return o_.file + ":0: " + (p.empty() ? "" : p + ": ") + text;
        }
        const Settled& s = kept_[k];
        bool whole = true;
        int ev = -1;
        csv::RowError err = csv::locate(s.claim, cols, p.rfind("/situation", 0) == 0 ? p.substr(10) : p, whole, ev);
        auto [also_zh, also_en] = all_lines_left_out(s.claim.lines);
        reported.push_back(err);
        reported.back().zh = zh + also_zh, reported.back().en = en + also_en;
        reported.back().applicant = s.claim.applicant;
        return where(o_.file, err) + ": " + s.claim.applicant + ": " + zh + also_zh + " / " + en + also_en;
      });
  out += report.text;
  notes += report.notes;
  answered_ = answer_.compare(0, 10, "{\"ok\":true") == 0;
  errors_ += report.errors;
  code_ = answered_ ? (errors_ ? 2 : 0) : report.code;
}

}  // namespace sheet
