#include "claims_rows.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <utility>

#include "day.hpp"
#include "names.hpp"
#include "numbers.hpp"
#include "text.hpp"

namespace csv {

using nlohmann::json;

namespace {

// 申请人类型必须是企业、… (the kinds as the vocabulary lists them), quoting the value given.
std::string unknown_kind_zh(const skillcalc::Model& m, const std::string& v) {
  std::string zh;
  const auto& kinds = m.vocab.applicant_kinds;
  for (size_t i = 0; i < kinds.size(); ++i)
    zh += (i == 0 ? "" : i + 1 == kinds.size() ? "或" : "、") + kinds[i].second.zh;
  return "申请人类型“" + v + "”不是已知类型：必须是" + zh;
}
std::string unknown_kind_en(const skillcalc::Model& m, const std::string& v) {
  std::string en;
  const auto& kinds = m.vocab.applicant_kinds;
  for (size_t i = 0; i < kinds.size(); ++i)
    en += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + kinds[i].first;
  return "applicant kind '" + v + "' is not a known kind: it must be " + en;
}

// A label without quotation marks (“” ‘’ 「」 and ASCII quotes), as a clerk may type it.
std::string unquoted(const std::string& s) {
  static const char* const marks[] = {"\u201c", "\u201d", "\u2018", "\u2019", "\u300c", "\u300d", "\"", "'"};
  std::string out = s;
  for (const char* q : marks)
    for (size_t at; (at = out.find(q)) != std::string::npos;) out.erase(at, std::strlen(q));
  return out;
}

// The first column (1-based) that the header leaves without a name but this record fills, or 0: its value would
// otherwise be dropped unseen (a rank typed under a header cell someone cleared).
int value_without_name(const Layout& layout, const Record& rec) {
  for (size_t c = 0; c < layout.cols.size() && c < rec.cells.size(); ++c)
    if (layout.columns.names[c].empty() && !trim(rec.cells[c]).empty()) return static_cast<int>(c + 1);
  return 0;
}

// "2025-06-01", "2025/6/1", "2025.6.1", "2025年6月1日", "2025/6/1 0:00", "20250601" -> "2025-06-01", in ASCII or
// full-width forms (２０２５－０７－０１, as a Chinese input method types them); anything else unchanged (the core then
// reports it as an invalid date, with the line and column).
std::string normal_date(const std::string& cell) {
  const std::string s = skillcalc::half_width(cell);
  if (s.size() == 8 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2);  // as the page's form reads it
  int part[3] = {0, 0, 0}, k = 0;
  size_t i = 0;
  size_t digits = 0;
  while (i < s.size() && k < 3) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      part[k] = part[k] * 10 + (c - '0');
      if (++digits > (k == 0 ? 4u : 2u)) return s;
      ++i;
      continue;
    }
    if (!digits) return s;
    size_t sep = 0;
    if (c == '-' || c == '/' || c == '.')
      sep = 1;
    else if (s.compare(i, 3, "年") == 0 || s.compare(i, 3, "月") == 0 || s.compare(i, 3, "日") == 0)
      sep = 3;
    else if (c == ' ' && k == 2)
      break;
    else
      return s;
    ++k, i += sep, digits = 0;
  }
  if (k == 2 && digits) ++k;
  if (k != 3 || part[0] < 1000) return s;
  std::string rest = i < s.size() ? trim(s.substr(i)) : "";
  if (!rest.empty() && rest != "日" && rest.find(':') == std::string::npos && rest != "00:00:00") return s;
  char b[40];  // room for any int, though each part has at most four digits
  snprintf(b, sizeof b, "%04d-%02d-%02d", part[0], part[1], part[2]);
  return b;
}

struct Typed {
  json value;
  std::string zh, en;  // set when the cell does not fit
};

// A cell as the field's type: whole numbers, booleans (true/false, 是/否, 1/0), ids (or their Chinese labels).
Typed typed(const skillcalc::Model& m, const skillcalc::FieldDef& d, const std::string& name, const std::string& cell) {
  using T = skillcalc::FieldDef::Type;
  Typed t;
  switch (d.type) {
    case T::Int: {
      // "1,000" (a thousands separator), "12.0" (a spreadsheet's number format) and full-width "２０" are whole
      // numbers too (numbers.hpp).
      long long v = 0;
      if (!skillcalc::whole_number(cell, v)) {
        // Named as the page and the core's errors name it: "“人数”（count）必须是整数".
        const std::string zh_name = d.label.zh.empty() ? name : "“" + d.label.zh + "”（" + name + "）";
        t.zh = zh_name + "必须是整数（而不是“" + cell.substr(0, 40) + "”）",
        t.en = name + " must be a whole number (not '" + cell.substr(0, 40) + "')";
        return t;
      }
      t.value = v;
      return t;
    }
    case T::Bool: {
      std::string s = lower(cell);
      if (s == "true" || s == "yes" || s == "y" || s == "1" || s == "是" || s == "真" || s == "√")
        t.value = true;
      else if (s == "false" || s == "no" || s == "n" || s == "0" || s == "否" || s == "假" || s == "×")
        t.value = false;
      else
        t.zh = name + " 必须是 是/否（true/false）", t.en = name + " must be yes or no (true/false)";
      return t;
    }
    case T::Enum: {
      if (std::find(d.values.begin(), d.values.end(), cell) != d.values.end()) return t.value = cell, t;
      std::string low = lower(cell);
      for (auto& v : d.values)
        if (v == low) return t.value = v, t;
      for (auto& v : d.values)  // the Chinese label of an id, e.g. 技师 for technician
        if (auto* l = m.vocab.label(v); l && l->zh == cell) return t.value = v, t;
      for (auto& v : d.values)  // …typed without its quotation marks: 金蓝领培训 for “金蓝领”培训
        if (auto* l = m.vocab.label(v); l && unquoted(l->zh) == unquoted(cell)) return t.value = v, t;
      t.value = cell;  // the core names the allowed ids
      return t;
    }
    case T::Text:
      t.value = cell;
      return t;
  }
  return t;
}

// One data row's cells, read as the header says: the applicant-level values, the event's id, type and date, and the
// event's field cells (typed once the type is known).
struct RowRead {
  std::string applicant, type;
  std::vector<std::pair<std::string, std::pair<json, int>>> values;  // applicant-level: key, (value, column)
  json event = json::object();
  std::vector<std::pair<std::string, int>> event_cells;  // field, column
};

// Reports a row's fault: its column (1-based, 0 for none), in Chinese and English.
using Fault = std::function<void(int, const std::string&, const std::string&)>;

// A date cell that is no date in any form the sheet reads (2025-06-01, 2025/6/1, 2025.6.1, 2025年6月1日): reported
// with those forms, an Excel day number (45809: a date column saved as a number) named as such, and a day the
// calendar does not have (2025/2/30) quoted as written. False: it is one.
bool bad_date(const std::string& cell, const std::string& normal, const Fault& err, int column) {
  bool dashed = normal.size() == 10 && normal[4] == '-' && normal[7] == '-' &&
                std::all_of(normal.begin(), normal.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (dashed && skillcalc::parse_day(normal)) return false;
  if (dashed) {  // written in a form the sheet reads, but no day of the calendar (2025/2/30): quoted as written
    err(column, "日期“" + cell + "”不是真实存在的一天（须在 1900 至 2200 年之间）",
        "the date '" + cell + "' is not a real day (from 1900 to 2200)");
    return true;
  }
  bool serial = cell.size() == 5 && std::all_of(cell.begin(), cell.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (serial)
    err(column, "日期“" + cell + "”像是 Excel 的日期序号：请把这一列设为日期格式（如 2025/6/1）后再另存为 CSV",
        "the date '" + cell +
            "' looks like an Excel day number: format the column as a date (e.g. 2025/6/1) and "
            "save the CSV again");
  else
    err(column, "日期“" + cell + "”无法识别：请写成 2025-06-01、2025/6/1、2025年6月1日或 20250601",
        "the date '" + cell + "' cannot be read: write it 2025-06-01, 2025/6/1, 2025年6月1日 or 20250601");
  return true;
}

}  // namespace

std::string city_of(const skillcalc::Model& m, const Columns& columns, const Record& rec) {
  int cc = columns.of("city");
  if (cc <= 0 || cc > static_cast<int>(rec.cells.size())) return "";
  std::string v = trim(rec.cells[static_cast<size_t>(cc - 1)]), id = lower(v);
  for (auto& [cid, label] : m.vocab.cities)
    if (label.zh == v || label.zh + "市" == v) id = cid;
  return id;
}

namespace {

// The cells of `rec` into `r`; false (reported) at the first cell that does not fit its column.
bool read_cells(const skillcalc::Model& m, const Layout& layout, const Record& rec, RowRead& r, const Fault& err) {
  const std::vector<Column>& cols = layout.cols;
  for (size_t c = 0; c < cols.size() && c < rec.cells.size(); ++c) {
    std::string v = trim(rec.cells[c]);
    if (v.empty()) continue;
    const Column& col = cols[c];
    int cn = static_cast<int>(c + 1);
    switch (col.kind) {
      case Kind::Ignored:
        break;
      case Kind::Applicant:
        r.applicant = v;
        break;
      case Kind::City: {
        std::string id = lower(v);
        for (auto& [cid, label] : m.vocab.cities)
          if (label.zh == v || label.zh + "市" == v) id = cid;
        if (!m.city_documents.count(id))  // its row's fault, as an unknown applicant kind is
          return err(cn, "没有城市“" + v + "”的政策文件", "no policy documents for city “" + v + "”"), false;
        r.values.push_back({"city", {id, cn}});
        break;
      }
      case Kind::AsOf:
        if (bad_date(v, normal_date(v), err, cn)) return false;
        r.values.push_back({"as_of", {normal_date(v), cn}});
        break;
      case Kind::ApplicantKind: {
        std::string id = lower(v);
        for (auto& [kid, label] : m.vocab.applicant_kinds)
          if (label.zh == v) id = kid;
        // An unknown kind is its row's fault, as a bad cell is: taken as the applicant's, it would leave out the
        // applicant's good rows too, or not, by the order of the rows.
        if (m.vocab.kind_index(id) < 0) return err(cn, unknown_kind_zh(m, v), unknown_kind_en(m, v)), false;
        r.values.push_back({"applicant/kind", {id, cn}});
        break;
      }
      case Kind::ApplicantField: {
        const auto& ref = m.vocab.applicant_fields.at(col.field);
        Typed t = typed(m, m.vocab.fields.at(ref.def), col.field, v);
        if (!t.zh.empty()) return err(cn, t.zh, t.en), false;
        r.values.push_back({"applicant/" + col.field, {t.value, cn}});
        break;
      }
      case Kind::Claimed: {
        skillcalc::FieldDef d;
        d.type = skillcalc::FieldDef::Type::Int;
        Typed t = typed(m, d, col.canonical, v);
        if (!t.zh.empty()) return err(cn, t.zh, t.en), false;
        r.values.push_back({"claimed/" + col.field, {t.value, cn}});
        break;
      }
      case Kind::EventId:
        r.event["id"] = v;
        break;
      case Kind::Type:
        r.type = v;
        break;
      case Kind::Date:
        if (bad_date(v, normal_date(v), err, cn)) return false;
        r.event["date"] = normal_date(v);
        break;
      case Kind::EventField:
        r.event_cells.push_back({col.field, cn});
        break;
    }
  }
  return true;
}

// The row's event, its fields typed by its type, into r.event (null when the row has no event); false (reported)
// when the type is missing or unknown or a field does not fit.
bool build_event(const skillcalc::Model& m, const Columns& columns, const Record& rec, RowRead& r, const Fault& err) {
  json& event = r.event;
  if (r.type.empty() && (!r.event_cells.empty() || event.contains("date") || event.contains("id"))) {
    err(columns.of("type"), "有事件内容但缺少事件类型（type 列）",
        "the row describes an event but its type (the type column) is empty");
    return false;
  }
  if (r.type.empty()) {
    event = nullptr;
    return true;
  }
  std::string id = lower(r.type);
  for (auto& [tid, et] : m.vocab.event_types)
    if (et.label.zh == r.type) id = tid;
  auto et = m.vocab.event_types.find(id);
  if (et == m.vocab.event_types.end()) {
    err(columns.of("type"), "未知事件类型“" + r.type + "”", "unknown event type '" + r.type + "'");
    return false;
  }
  if (!event.contains("date")) {  // the date decides the document, the period and a pool's year: never the run's day
    err(columns.of("date"), "事件日期为空：请填写日期（日期决定适用的文件、施行期和年度）",
        "the event's date is empty: give it (it decides the document, its period and the year)");
    return false;
  }
  json ev = json::object();
  ev["id"] = event.contains("id") ? event["id"] : json("L" + std::to_string(rec.line));
  ev["type"] = id;
  if (event.contains("date")) ev["date"] = event["date"];
  for (auto& [fname, cn] : r.event_cells) {
    const std::string* def = nullptr;
    for (auto& f : et->second.fields)
      if (f.first == fname) def = &f.second;
    if (!def) {
      err(cn, "事件类型“" + id + "”没有字段“" + fname + "”（这一格应留空）",
          "event type '" + id + "' has no field '" + fname + "' (leave this cell empty)");
      return false;
    }
    Typed t = typed(m, m.vocab.fields.at(*def), fname, trim(rec.cells[cn - 1]));
    if (!t.zh.empty()) {
      err(cn, t.zh, t.en);
      return false;
    }
    ev[fname] = t.value;
  }
  event = std::move(ev);
  return true;
}

// Applicant-level values must agree with the applicant's earlier rows; false (reported) at the first that does not.
bool agrees(const Claim& c, const RowRead& r, const Fault& err) {
  for (auto& [key, vc] : r.values) {
    auto at = c.value_lines.find(key);
    if (at == c.value_lines.end()) continue;
    if (key.rfind("claimed/", 0) == 0) {  // the applicant's total of the measure: once, never added up or repeated
      err(vc.second,
          "申报金额是该申请人此项待遇的年度合计，只填一行（已在第 " + std::to_string(at->second) +
              " 行填写）：请把合计填在一行，其余行留空",
          "a claimed amount is the applicant's total for the measure in the year, given on one row (line " +
              std::to_string(at->second) + " gives it): put the total on one row and leave the others empty");
      return false;
    }
    const json* before = nullptr;
    if (key == "city" || key == "as_of")
      before = &c.situation[key];
    else if (key.rfind("applicant/", 0) == 0)
      before = &c.situation["applicant"][key == "applicant/kind" ? "kind" : key.substr(10)];
    else
      before = &c.claimed[key.substr(8)];
    if (*before != vc.first) {
      err(vc.second, "与同一申请人第 " + std::to_string(at->second) + " 行的值（" + before->dump() + "）不一致",
          "differs from the same applicant's value on line " + std::to_string(at->second) + " (" + before->dump() +
              ")");
      return false;
    }
  }
  return true;
}

// A row kept: its values (the first row to give each one wins), its line, its event.
void add_row(Claim& c, RowRead& r, long line) {
  for (auto& [key, vc] : r.values) {
    if (c.value_lines.count(key)) continue;
    c.value_lines[key] = line;
    if (key == "city" || key == "as_of")
      c.situation[key] = vc.first;
    else if (key == "applicant/kind")
      c.situation["applicant"]["kind"] = vc.first;
    else if (key.rfind("applicant/", 0) == 0)
      c.situation["applicant"][key.substr(10)] = vc.first;
    else
      c.claimed[key.substr(8)] = vc.first;
  }
  c.lines.push_back(line);
  if (!r.event.is_null()) {
    c.situation["events"].push_back(std::move(r.event));
    c.event_lines.push_back(line);
  }
}

// Keys in the order DESIGN.md writes them.
void order_keys(Claim& c) {
  json s = json::object();
  if (c.situation.contains("city")) s["city"] = c.situation["city"];
  if (c.situation.contains("as_of")) s["as_of"] = c.situation["as_of"];
  s["applicant"] = c.situation["applicant"];
  s["events"] = c.situation["events"];
  c.situation = std::move(s);
}

// A number as Excel shows a long one it took for a number (an 18-digit ID 370102199001011234 as 3.70102E+17): the
// digits are lost, and different people would read as one applicant, under one cap.
bool exponent_form(const std::string& s) {
  // As Excel writes it: one digit, maybe a fraction, then E and a signed exponent (3.70102E+17), never a bureau's
  // own number that happens to hold an E (2025E0001).
  auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  size_t i = 0;
  if (!digit(i++)) return false;
  if (i < s.size() && s[i] == '.') {
    if (!digit(++i)) return false;
    while (digit(i)) ++i;
  }
  if (i >= s.size() || (s[i] != 'E' && s[i] != 'e')) return false;
  if (++i >= s.size() || (s[i] != '+' && s[i] != '-')) return false;
  if (!digit(++i)) return false;
  while (digit(i)) ++i;
  return i == s.size();
}

bool blank(const Record& rec) {
  for (auto& c : rec.cells)
    if (!trim(c).empty()) return false;
  return true;
}

}  // namespace

// A row that says what the header says, cell by cell (two exports joined, the second's header kept).
bool repeats_header(const Columns& columns, const Record& rec) {
  if (rec.cells.size() < columns.names.size()) return false;
  for (size_t i = 0; i < rec.cells.size(); ++i)
    if (lower(trim(rec.cells[i])) != (i < columns.names.size() ? lower(trim(columns.names[i])) : std::string()))
      return false;
  return true;
}

void read_rows(const skillcalc::Model& m, const Layout& layout, const std::vector<Record>& records,
               std::vector<Claim>& claims, std::vector<RowError>& errors, long& rows) {
  const Columns& columns = layout.columns;
  const std::vector<Column>& cols = layout.cols;
  std::unordered_map<std::string, size_t> by_applicant;
  std::unordered_map<std::string, long> rows_seen;           // a row's trimmed cells -> the line it was first on
  std::unordered_map<std::string, long> content_seen;        // …and what it says once read
  std::unordered_map<std::string, std::string> first_named;  // an applicant's key -> its name as first written
  const size_t first_claim = claims.size();
  for (const Record& rec : records) {
    if (blank(rec)) continue;
    ++rows;
    // The applicant the row names, for the report: as its name was first written, whatever this row's spelling.
    std::string named = applicant_of(layout, rec);
    if (!named.empty()) named = first_named.emplace(skillcalc::name_key(named), named).first->second;
    const Fault err = [&](int col, const std::string& zh, const std::string& en) {
      errors.push_back({rec.line, col,
                        col > 0 && col <= static_cast<int>(columns.names.size()) ? columns.names[col - 1] : "",
                        one_line(zh), one_line(en), 1, named, city_of(m, columns, rec)});
    };
    if (repeats_header(columns, rec)) {
      named.clear();  // its 申请人 cell names no applicant
      err(0, "这一行与表头相同（可能是两个导出文件拼接时重复的表头）：不是申报，未计入",
          "this row repeats the header (two exports joined, perhaps): not a claim, left out");
      continue;
    }
    // More cells than the header has columns, even empty ones: a comma not in quotes (1,000 typed as a number, or a
    // remark 第二批,含外协) has split a cell, and every cell after it has moved one column on.
    if (rec.cells.size() > cols.size()) {
      err(static_cast<int>(cols.size() + 1),
          "本行的单元格比列名多（" + std::to_string(rec.cells.size()) + " 个，表头 " + std::to_string(cols.size()) +
              " 列）：可能有未加引号的逗号（如 1,000 或备注中的逗号），其后各格都错了位；请把含逗号的单元格加上引号",
          "this row has more cells than the header has columns (" + std::to_string(rec.cells.size()) + ", against " +
              std::to_string(cols.size()) +
              "): a comma outside quotes (as in 1,000 or in a remark) may have split a cell and moved every cell "
              "after it; put the cell with the comma in quotes");
      continue;
    }
    // The file's last line, with no line break and fewer cells than the header: a file cut short in saving or in
    // transfer, whose last cell may be cut too (a place of 12 read as 1). Spreadsheets write every column.
    if (rec.unended && rec.cells.size() < cols.size()) {
      err(static_cast<int>(rec.cells.size()),
          "文件的最后一行没有换行结束，且单元格比列名少（" + std::to_string(rec.cells.size()) + " 个，表头 " +
              std::to_string(cols.size()) +
              " 列）：文件可能被截断，最后一格的值可能不全；本行未计入，请检查原文件后重试",
          "the file's last line has no line break and fewer cells than the header has columns (" +
              std::to_string(rec.cells.size()) + ", against " + std::to_string(cols.size()) +
              "): the file may have been cut short and its last cell with it; the row is left out: check the "
              "original file and try again");
      continue;
    }
    if (int c = value_without_name(layout, rec)) {
      err(c, "第 " + std::to_string(c) + " 列在表头中没有列名，本行却在该列填了值（请补上列名，或删去该值）",
          "column " + std::to_string(c) +
              " has no name in the header, but this row has a value in it (name the "
              "column, or delete the value)");
      continue;
    }
    RowRead r;
    if (!read_cells(m, layout, rec, r, err)) continue;
    if (r.applicant.empty()) {
      err(columns.of("applicant"), "缺少申请人（applicant 列为空）",
          "the applicant is missing (the applicant column is empty)");
      continue;
    }
    if (exponent_form(r.applicant)) {
      err(columns.of("applicant"),
          "申请人“" + r.applicant +
              "”是科学计数法的数字：长号码（如身份证号）被 Excel "
              "当作数字后位数已丢失，不同的人会被当作同一申请人；请把该列设为"
              "文本格式后重新导出",
          "the applicant '" + r.applicant +
              "' is a number in exponent form: a long number (an ID) Excel took for a number has lost its digits, "
              "and different people would read as one applicant; format the column as text and export again");
      continue;
    }
    if (!build_event(m, columns, rec, r, err)) continue;
    const std::string key = skillcalc::name_key(r.applicant);
    auto found = by_applicant.find(key);
    if (found != by_applicant.end() && !agrees(claims[found->second], r, err)) continue;
    if (found != by_applicant.end() && claims[found->second].applicant != r.applicant)
      claims[found->second].aliases.emplace_back(rec.line, r.applicant);
    if (found == by_applicant.end()) {
      found = by_applicant.emplace(key, claims.size()).first;
      Claim& c = claims.emplace_back();
      c.applicant = named.empty() ? r.applicant : named;
      c.situation = json::object();
      c.situation["applicant"] = json::object();
      c.situation["events"] = json::array();
    }
    std::string cells;
    for (auto& c : rec.cells) cells += trim(c), cells += '\x1f';
    auto [seen, fresh] = rows_seen.emplace(std::move(cells), rec.line);
    json said = r.event;                     // what the row says once read: its id (its line) apart
    if (said.is_object()) said.erase("id");  // (a row of the applicant's facts only has no event)
    std::string content = key + '\x1f' + said.dump();
    for (auto& [k, v] : r.values) content += '\x1f' + k + '=' + v.first.dump();
    auto [same, new_content] = content_seen.emplace(std::move(content), rec.line);
    if (!fresh)
      claims[found->second].repeats.emplace_back(rec.line, seen->second);
    else if (!new_content)
      claims[found->second].alike.emplace_back(rec.line, same->second);
    add_row(claims[found->second], r, rec.line);
  }
  for (size_t k = first_claim; k < claims.size(); ++k) order_keys(claims[k]);
}

RowError locate(const Claim& c, const Columns& cols, const std::string& path, bool& whole_claim, int& event) {
  RowError e;
  whole_claim = true;
  event = -1;
  e.line = c.lines.empty() ? 0 : c.lines[0];
  auto at = [&](const std::string& key, const std::string& column) {
    if (auto v = c.value_lines.find(key); v != c.value_lines.end()) e.line = v->second;
    e.column = cols.of(column);
    if (e.column) e.column_name = cols.names[e.column - 1];
  };
  if (path.rfind("/events/", 0) == 0) {
    size_t end = path.find('/', 8);
    size_t k = std::strtoul(path.c_str() + 8, nullptr, 10);
    if (k < c.event_lines.size()) {
      whole_claim = false;
      event = static_cast<int>(k);
      e.line = c.event_lines[k];
      if (end != std::string::npos) {
        std::string f = path.substr(end + 1);
        f = f.substr(0, f.find('/'));
        e.column = cols.of(f == "id" ? "event_id" : f);
        if (e.column) e.column_name = cols.names[e.column - 1];
      }
    }
  } else if (path == "/city")
    at("city", "city");
  else if (path == "/as_of")
    at("as_of", "as_of");
  else if (path == "/applicant/kind")
    at("applicant/kind", "applicant_kind");
  else if (path.rfind("/applicant/", 0) == 0)
    at("applicant/" + path.substr(11), "applicant." + path.substr(11));
  else if (path.rfind("/claimed_yuan/", 0) == 0)
    at("claimed/" + path.substr(14), "claimed." + path.substr(14));
  e.rows_skipped = whole_claim ? static_cast<long>(c.lines.size()) : 1;
  return e;
}

}  // namespace csv
