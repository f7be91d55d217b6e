#include "claims_columns.hpp"

#include <algorithm>
#include <unordered_map>

#include "names.hpp"
#include "text.hpp"

namespace csv {

namespace {

// The form's Chinese questions as column names: "职业技能等级" for level, "本市社保缴纳月数" for
// applicant.social_insurance_months. A label several fields share names the one called as its definition (level,
// not min_level), or none.
std::unordered_map<std::string, std::string> label_columns(const skillcalc::Model& m) {
  struct Candidate {
    std::string column;
    bool named_as_def = false;
    int count = 0;
  };
  std::unordered_map<std::string, std::vector<Candidate>> by_label;
  auto add = [&](const std::string& label, const std::string& column, bool named_as_def) {
    if (label.empty()) return;
    auto& list = by_label[skillcalc::name_key(label)];
    for (auto& c : list)
      if (c.column == column) return;
    list.push_back({column, named_as_def});
  };
  for (auto& [type, et] : m.vocab.event_types)
    for (auto& [field, def] : et.fields) {
      auto own = et.labels.find(field);
      auto d = m.vocab.fields.find(def);
      if (own != et.labels.end())
        add(own->second.zh, field, false);
      else if (d != m.vocab.fields.end())
        add(d->second.label.zh, field, field == def);
    }
  for (auto& [field, ref] : m.vocab.applicant_fields) add(ref.label.zh, "applicant." + field, true);
  std::unordered_map<std::string, std::string> out;
  for (auto& [label, list] : by_label) {
    if (list.size() == 1) {
      out[label] = list[0].column;
      continue;
    }
    int named = 0;
    for (auto& c : list) named += c.named_as_def;
    if (named == 1)
      for (auto& c : list)
        if (c.named_as_def) out[label] = c.column;
  }
  return out;
}

}  // namespace

bool read_header(const skillcalc::Model& m, const Record& head, Layout& layout, Refusal& fatal) {
  bool empty = true;
  for (auto& c : head.cells) empty = empty && trim(c).empty();
  if (empty) {  // a blank line above the header (a title row deleted, or the sheet starting lower)
    fatal = {
        "第 1 行是空行：第一行应是列名（applicant, city, applicant_kind, type, date …）；请删除表头上方的空行后重试",
        "line 1 is blank: the first line should name the columns (applicant, city, applicant_kind, type, date …); "
        "delete the blank lines above the header and try again"};
    return false;
  }
  // The header.
  static const std::unordered_map<std::string, std::string> alias = {{"申请人", "applicant"},
                                                                     {"申请人名称", "applicant"},
                                                                     {"城市", "city"},
                                                                     {"测算日期", "as_of"},
                                                                     {"申请人类型", "applicant_kind"},
                                                                     {"applicant.kind", "applicant_kind"},
                                                                     {"事件编号", "event_id"},
                                                                     {"id", "event_id"},
                                                                     {"事件类型", "type"},
                                                                     {"event_type", "type"},
                                                                     {"日期", "date"},
                                                                     {"事件日期", "date"},
                                                                     {"竞赛项目", "contest"},
                                                                     {"称号", "title"},
                                                                     {"荣誉称号", "title"},
                                                                     {"备注", "note"},
                                                                     {"notes", "note"},
                                                                     {"comment", "note"}};
  const std::unordered_map<std::string, std::string> labels = label_columns(m);  // once a file
  std::vector<std::string> event_fields;
  for (auto& [type, et] : m.vocab.event_types)
    for (auto& f : et.fields) event_fields.push_back(f.first);
  Columns& columns = layout.columns;
  columns = Columns();
  std::vector<Column>& cols = layout.cols;
  cols.assign(head.cells.size(), Column());
  std::string unknown;
  for (size_t c = 0; c < head.cells.size(); ++c) {
    std::string raw = trim(head.cells[c]);
    std::string name = skillcalc::name_key(raw);  // ａｐｐｌｉｃａｎｔ, " Date " are applicant, date
    if (auto a = alias.find(name); a != alias.end())
      name = a->second;
    else if (auto l = labels.find(name); l != labels.end())
      name = l->second;
    columns.names.push_back(raw);
    Column& col = cols[c];
    col.canonical = name;
    if (name.empty() || name[0] == '#' || name == "note")
      col.kind = Kind::Ignored;
    else if (name == "applicant")
      col.kind = Kind::Applicant;
    else if (name == "city")
      col.kind = Kind::City;
    else if (name == "as_of")
      col.kind = Kind::AsOf;
    else if (name == "applicant_kind")
      col.kind = Kind::ApplicantKind;
    else if (name == "event_id")
      col.kind = Kind::EventId;
    else if (name == "type")
      col.kind = Kind::Type;
    else if (name == "date")
      col.kind = Kind::Date;
    else if (name.rfind("applicant.", 0) == 0 && m.vocab.applicant_fields.count(name.substr(10)))
      col.kind = Kind::ApplicantField, col.field = name.substr(10);
    else if (name.rfind("claimed.", 0) == 0) {  // clause ids keep their case
      col.kind = Kind::Claimed, col.field = raw.substr(8), col.canonical = "claimed." + col.field;
      bool known = false;
      for (auto& x : m.measures) known = known || x.id == col.field;
      if (!known) unknown += (unknown.empty() ? "" : ", ") + raw;
    } else if (std::find(event_fields.begin(), event_fields.end(), name) != event_fields.end())
      col.kind = Kind::EventField, col.field = name;
    else
      unknown += (unknown.empty() ? "" : ", ") + raw;
    if (col.kind != Kind::Ignored) {
      if (auto twice = columns.index.find(col.canonical); twice != columns.index.end()) {
        const std::string& first = columns.names[static_cast<size_t>(twice->second - 1)];
        fatal = first == raw
                    ? Refusal{"第 1 行：列“" + raw + "”出现了两次", "line 1: the column '" + raw + "' appears twice"}
                    : Refusal{"第 1 行：列“" + first + "”和“" + raw + "”是同一列（" + col.canonical + "）",
                              "line 1: the columns '" + first + "' and '" + raw + "' are the same column (" +
                                  col.canonical + ")"};
        return false;
      }
      columns.index[col.canonical] = static_cast<int>(c + 1);
    }
  }
  if (!unknown.empty() && head.cells.size() == 1 && head.cells[0].find_first_of("\t;") != std::string::npos) {
    fatal = {
        "第 1 "
        "行只有一列，其中含有制表符或分号：这个文件不是用逗号分隔的（是否另存为了“文本文件（制表符分隔）”或用了分号？）"
        "。"
        "请在 Excel 中另存为“CSV UTF-8（逗号分隔）(*.csv)”后重试。",
        "line 1 is one column holding tabs or semicolons: the file is not comma-separated (saved as \"Text (Tab "
        "delimited)\", or with semicolons?). Save it as \"CSV UTF-8 (Comma delimited) (*.csv)\" and try again."};
    return false;
  }
  if (!unknown.empty() && !columns.of("applicant") && !columns.of("city") && !columns.of("applicant_kind") &&
      !columns.of("type")) {  // nothing of a header: a title row, or the upper row of a two-row header
    fatal = {
        "第 1 行不是列名（“" + unknown +
            "”像是表格的标题或合并的表头）：第一行应是列名（applicant, city, applicant_kind, type, date "
            "…）；请删除表头上方的标题行、把表头合并为一行后重试",
        "line 1 does not name the columns ('" + unknown +
            "' reads as the sheet's title or the upper row of a two-row header): the first line should name the "
            "columns (applicant, city, applicant_kind, type, date …); delete the title rows above the header, make "
            "the header one row and try again"};
    return false;
  }
  if (!unknown.empty()) {
    fatal = {"第 1 行：未知的列名：" + unknown +
                 "。可用的列见 README 的“Claims in a spreadsheet”一节（未知列会被拒绝而不是忽略；备注请用 note 列或以 "
                 "# 开头的列名）",
             "line 1: unknown columns: " + unknown +
                 ". See the README, \"Claims in a spreadsheet\", for the columns (unknown "
                 "columns are refused, not ignored; use a note column or a name starting with # for remarks)"};
    return false;
  }
  for (const char* need : {"applicant", "city", "applicant_kind"})
    if (!columns.of(need)) {
      fatal = {std::string("第 1 行：缺少必需的列 ") + need,
               std::string("line 1: the required column ") + need + " is missing"};
      return false;
    }

  return true;
}

std::string applicant_of(const Layout& layout, const Record& rec) {
  int ac = layout.columns.of("applicant");
  return ac > 0 && ac <= static_cast<int>(rec.cells.size()) ? trim(rec.cells[ac - 1]) : std::string();
}

}  // namespace csv
