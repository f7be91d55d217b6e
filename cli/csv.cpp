#include "csv.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "numbers.hpp"

namespace csv {

using nlohmann::json;

// ---- encoding -------------------------------------------------------------------------------------------------

namespace {

// Length of the valid UTF-8 sequence at p (strict: no overlongs, no surrogates, at most U+10FFFF); 0 if invalid.
size_t utf8_len(const unsigned char* p, size_t left) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (!n || n > left) return 0;
  for (size_t i = 1; i < n; ++i)
    if ((p[i] & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
  if (c == 0xED && p[1] > 0x9F) return 0;  // surrogates
  if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
  if (c == 0xF4 && p[1] > 0x8F) return 0;  // above U+10FFFF
  return n;
}

}  // namespace

namespace {

// UTF-16 without a byte-order mark: many NUL bytes in the first KiB, at even or at odd offsets.
bool looks_utf16(const unsigned char* p, size_t n) {
  size_t even = 0, odd = 0, k = n < 1024 ? n : 1024;
  for (size_t i = 0; i < k; ++i)
    if (!p[i]) ++(i % 2 ? odd : even);
  return k >= 2 && (even * 4 >= k || odd * 4 >= k);
}

}  // namespace

Refusal check_encoding(std::string_view data, size_t& bom, const std::function<void(size_t)>& progress) {
  bom = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  if ((n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) || looks_utf16(p, n))
    return {"文件是 UTF-16 编码（Excel 的“Unicode 文本”）。请另存为“CSV UTF-8（逗号分隔）(*.csv)”后重试。",
            "The file is UTF-16 (Excel's \"Unicode Text\"). Save it as \"CSV UTF-8 (Comma delimited) (*.csv)\" and try "
            "again."};
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) bom = 3;
  size_t i = bom, bad = 0, gbk_pairs = 0, first_bad = std::string_view::npos;
  size_t nul = std::string_view::npos, mark = 0;
  while (i < n) {
    if (progress && i >= mark) progress(i), mark = i + (8u << 20);
    if (!p[i] && nul == std::string_view::npos) nul = i;
    size_t len = utf8_len(p + i, n - i);
    if (len) {
      i += len;
      continue;
    }
    if (first_bad == std::string_view::npos) first_bad = i;
    ++bad;
    // A GBK/GB18030 double-byte character: lead 0x81-0xFE, trail 0x40-0xFE except 0x7F.
    if (i + 1 < n && p[i] >= 0x81 && p[i] <= 0xFE && p[i + 1] >= 0x40 && p[i + 1] <= 0xFE && p[i + 1] != 0x7F)
      ++gbk_pairs, i += 2;
    else
      ++i;
    if (bad > 1000) break;
  }
  if (progress) progress(n);
  if (first_bad == std::string_view::npos && nul != std::string_view::npos) {
    long line = 1 + static_cast<long>(std::count(data.begin(), data.begin() + static_cast<long>(nul), '\n'));
    return {"文件第 " + std::to_string(line) +
                " 行含有 NUL 字节（0x00）：这不是文本 CSV。请另存为“CSV UTF-8（逗号分隔）(*.csv)”后重试。",
            "line " + std::to_string(line) +
                " of the file holds a NUL byte (0x00): this is not a text CSV. Save it as \"CSV UTF-8 (Comma "
                "delimited) (*.csv)\" and try again."};
  }
  if (first_bad == std::string_view::npos) return {};
  long line = 1 + static_cast<long>(std::count(data.begin(), data.begin() + static_cast<long>(first_bad), '\n'));
  std::string where_zh = "第 " + std::to_string(line) + " 行", where_en = "line " + std::to_string(line);
  if (gbk_pairs * 2 >= bad)
    return {"文件不是 UTF-8 编码，看起来是 GBK/GB18030（" + where_zh +
                "）。请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）(*.csv)”，"
                "或在 WPS 中另存为 CSV 时选择 UTF-8 编码，然后重试。本工具不猜测编码，以免把姓名和单位名称读错。",
            "The file is not UTF-8: it looks like GBK/GB18030 (" + where_en +
                "). In Excel use Save As with \"CSV UTF-8 (Comma "
                "delimited) (*.csv)\", or choose UTF-8 when saving as CSV in WPS, and try again. The tool does not "
                "guess encodings, "
                "so as not to misread names."};
  return {"文件不是有效的 UTF-8 编码（" + where_zh + "）。请另存为“CSV UTF-8（逗号分隔）(*.csv)”后重试。",
          "The file is not valid UTF-8 (" + where_en +
              "). Save it as \"CSV UTF-8 (Comma delimited) (*.csv)\" and try again."};
}

// ---- RFC 4180 --------------------------------------------------------------------------------------------------

namespace {

size_t line_end(std::string_view d, size_t i) {  // just past the LF that ends the physical line at i (or the end)
  size_t lf = d.find('\n', i);
  return lf == std::string_view::npos ? d.size() : lf + 1;
}

}  // namespace

bool Reader::next(Record& rec, std::vector<RowError>& errors) {
  errors_ = &errors;
  while (i_ < d_.size()) {
    size_t start = i_;
    long first = line_;
    Fault f = record(rec);
    if (drop_) drop_(i_);
    if (f == Fault::None) return true;
    if (f == Fault::Line) continue;  // reported, its line consumed
    // A quote that swallowed line breaks (never closed, or closed where the row cannot end): the quote's line is
    // reported and not evaluated, and reading goes on at the next physical line, so that no row is lost.
    long took = line_ - first + (i_ >= d_.size() && (d_.empty() || d_.back() != '\n') ? 1 : 0);
    std::string l = std::to_string(first), k = std::to_string(took);
    std::string why_zh = f == Fault::Unclosed  ? "直到文件末尾都没有闭合"
                         : f == Fault::Runaway ? "在 64 KiB 之内没有闭合"
                                               : "闭合后本行无法结束（或列数超过表头）";
    std::string why_en = f == Fault::Unclosed  ? "is never closed"
                         : f == Fault::Runaway ? "is not closed within 64 KiB"
                                               : "closes where the row cannot end (or the row has too many cells)";
    errors.push_back({first, quote_column_, "",
                      "第 " + l + " 行的引号" + why_zh + "：从该行起的 " + k + " 行会被读成一个单元格。第 " + l +
                          " 行未计算，从第 " + std::to_string(first + 1) + " 行起继续读取（字段中的引号要写成 \"\"）",
                      "the quote opened on line " + l + " " + why_en + ": it would take " + k +
                          " lines into one cell. Line " + l + " is not evaluated; reading goes on at line " +
                          std::to_string(first + 1) + " (a quote inside a field is written \"\")",
                      1, ""});
    i_ = line_end(d_, start);
    line_ = first + 1;
  }
  return false;
}

// One record from i_: its cells, or the fault that spoils it. A fault confined to one line is reported here and the
// line consumed; a quote that runs over lines is left to next().
Reader::Fault Reader::record(Record& rec) {
  rec.line = line_;
  rec.offset = i_;
  rec.cells.clear();
  std::string cell;
  const size_t n = d_.size();
  const long first = line_;
  bool bad = false, at_start = true;
  int column = 1;
  auto fault = [&](const std::string& zh, const std::string& en) {
    if (!bad) errors_->push_back({first, column, "", zh, en, 1, ""});
    bad = true;
  };
  while (i_ < n) {
    char c = d_[i_];
    if (at_start && c == '"') {  // a quoted field
      quote_column_ = column;
      ++i_;
      bool closed = false;
      while (i_ < n) {
        char q = d_[i_];
        if (q == '"') {
          if (i_ + 1 < n && d_[i_ + 1] == '"') {
            cell += '"', i_ += 2;
            continue;
          }
          ++i_;
          closed = true;
          break;
        }
        if (q == '\n') ++line_;
        if (cell.size() >= kMaxCell) return Fault::Runaway;
        cell += q;
        ++i_;
      }
      if (!closed) return Fault::Unclosed;
      if (i_ < n && d_[i_] != ',' && d_[i_] != '\n' && d_[i_] != '\r') {
        if (line_ != first) return Fault::Spans;
        fault("引号字段的右引号之后还有字符（字段中的引号要写成两个引号 \"\"）",
              "characters after a quoted field's closing quote (a quote inside a field is written \"\")");
        i_ = line_end(d_, i_);
        ++line_;
        return Fault::Line;
      }
      at_start = false;
      continue;
    }
    if (c == ',') {
      rec.cells.push_back(std::move(cell));
      cell.clear();
      ++column;
      at_start = true;
      ++i_;
      continue;
    }
    if (c == '\r' || c == '\n') {
      ++i_;
      if (c == '\r' && i_ < n && d_[i_] == '\n') ++i_;
      ++line_;
      break;
    }
    if (c == '"' || cell.size() >= kMaxCell) {
      if (c == '"')
        fault("未加引号的字段中出现引号（含引号的字段要整个用引号括起，内部的引号写成 \"\"）",
              "a quote inside an unquoted field (quote the whole field and write a quote inside it as \"\")");
      else
        fault("单元格过大（最多 64 KiB）", "a cell is too large (at most 64 KiB)");
      i_ = line_end(d_, i_);
      ++line_;
      return Fault::Line;
    }
    cell += c;
    at_start = false;
    ++i_;
  }
  if (bad) return Fault::Line;
  rec.cells.push_back(std::move(cell));
  if (line_ - first > 1 && expect_ > 0 && static_cast<int>(rec.cells.size()) > expect_) return Fault::Spans;
  return Fault::None;
}

void parse(std::string_view d, std::vector<Record>& out, std::vector<RowError>& errors) {
  Reader r(d, 0, 1);
  Record rec;
  while (r.next(rec, errors)) out.push_back(rec);
}

// ---- writing ---------------------------------------------------------------------------------------------------

void field(std::string& out, std::string_view s, bool first) {
  if (!first) out += ',';
  bool quote = !s.empty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t');
  for (char c : s)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') quote = true;
  if (!quote) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void row(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) field(out, cells[i], i == 0);
  out += "\r\n";
}

std::string text_cell(std::string_view s) {
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) return "'" + std::string(s);
  return std::string(s);
}

// ---- claims ----------------------------------------------------------------------------------------------------

namespace {

std::string trim(std::string_view s) {
  size_t a = 0, b = s.size();
  auto space = [&](size_t i, bool front) {  // ASCII white space, or U+3000 (the ideographic space)
    if (front) {
      if (s[i] == ' ' || s[i] == '\t') return size_t(1);
      if (i + 3 <= s.size() && s.substr(i, 3) == "\xE3\x80\x80") return size_t(3);
    } else {
      if (s[i - 1] == ' ' || s[i - 1] == '\t') return size_t(1);
      if (i >= 3 && s.substr(i - 3, 3) == "\xE3\x80\x80") return size_t(3);
    }
    return size_t(0);
  };
  while (a < b)
    if (size_t k = space(a, true))
      a += k;
    else
      break;
  while (b > a)
    if (size_t k = space(b, false))
      b -= k;
    else
      break;
  return std::string(s.substr(a, b - a));
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// "2025-06-01", "2025/6/1", "2025.6.1", "2025年6月1日", "2025/6/1 0:00" -> "2025-06-01"; anything else unchanged
// (the core then reports it as an invalid date, with the line and column).
std::string normal_date(const std::string& s) {
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
  char b[16];
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
        t.zh = name + " 必须是整数（而不是“" + cell.substr(0, 40) + "”）",
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
      t.value = cell;  // the core names the allowed ids
      return t;
    }
    case T::Text:
      t.value = cell;
      return t;
  }
  return t;
}

}  // namespace

bool read_header(const skillcalc::Model& m, const Record& head, Layout& layout, Refusal& fatal) {
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
                                                                     {"备注", "note"},
                                                                     {"notes", "note"},
                                                                     {"comment", "note"}};
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
    std::string name = lower(raw);
    if (auto a = alias.find(name); a != alias.end()) name = a->second;
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
      if (columns.index.count(col.canonical)) {
        fatal = {"第 1 行：列“" + raw + "”出现了两次", "line 1: the column '" + raw + "' appears twice"};
        return false;
      }
      columns.index[col.canonical] = static_cast<int>(c + 1);
    }
  }
  if (!unknown.empty()) {
    fatal = {"第 1 行：未知的列名：" + unknown +
                 "。可用的列见 README“表格批量测算”（未知列会被拒绝而不是忽略；备注请用 note 列或以 # 开头的列名）",
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

void read_rows(const skillcalc::Model& m, const Layout& layout, const std::vector<Record>& records,
               std::vector<Claim>& claims, std::vector<RowError>& errors, long& rows) {
  const Columns& columns = layout.columns;
  const std::vector<Column>& cols = layout.cols;
  std::unordered_map<std::string, size_t> by_applicant;
  const size_t first_claim = claims.size();
  for (size_t r = 0; r < records.size(); ++r) {
    const Record& rec = records[r];
    bool blank = true;
    for (auto& c : rec.cells) blank = blank && trim(c).empty();
    if (blank) continue;
    ++rows;
    std::string named;  // the applicant the row names, for the report
    if (int ac = columns.of("applicant"); ac > 0 && ac <= static_cast<int>(rec.cells.size()))
      named = trim(rec.cells[ac - 1]);
    auto err = [&](int col, const std::string& zh, const std::string& en) {
      errors.push_back({rec.line, col,
                        col > 0 && col <= static_cast<int>(columns.names.size()) ? columns.names[col - 1] : "", zh, en,
                        1, named});
    };
    if (rec.cells.size() > cols.size()) {
      bool extra = false;
      for (size_t c = cols.size(); c < rec.cells.size(); ++c) extra = extra || !trim(rec.cells[c]).empty();
      if (extra) {
        err(static_cast<int>(cols.size() + 1), "本行的单元格比列名多",
            "this row has more cells than the header has columns");
        continue;
      }
    }
    std::string applicant, type;
    std::vector<std::pair<std::string, std::pair<json, int>>> values;  // applicant-level: key, (value, column)
    json event = json::object();
    std::vector<std::pair<std::string, int>> event_cells;  // field, column (typed once the type is known)
    bool ok = true;
    for (size_t c = 0; c < cols.size() && c < rec.cells.size() && ok; ++c) {
      std::string v = trim(rec.cells[c]);
      if (v.empty()) continue;
      const Column& col = cols[c];
      int cn = static_cast<int>(c + 1);
      switch (col.kind) {
        case Kind::Ignored:
          break;
        case Kind::Applicant:
          applicant = v;
          break;
        case Kind::City: {
          std::string id = lower(v);
          for (auto& [cid, label] : m.vocab.cities)
            if (label.zh == v || label.zh + "市" == v) id = cid;
          values.push_back({"city", {id, cn}});
          break;
        }
        case Kind::AsOf:
          values.push_back({"as_of", {normal_date(v), cn}});
          break;
        case Kind::ApplicantKind: {
          std::string id = lower(v);
          for (auto& [kid, label] : m.vocab.applicant_kinds)
            if (label.zh == v) id = kid;
          values.push_back({"applicant/kind", {id, cn}});
          break;
        }
        case Kind::ApplicantField: {
          const auto& ref = m.vocab.applicant_fields.at(col.field);
          Typed t = typed(m, m.vocab.fields.at(ref.def), col.field, v);
          if (!t.zh.empty())
            err(cn, t.zh, t.en), ok = false;
          else
            values.push_back({"applicant/" + col.field, {t.value, cn}});
          break;
        }
        case Kind::Claimed: {
          skillcalc::FieldDef d;
          d.type = skillcalc::FieldDef::Type::Int;
          Typed t = typed(m, d, col.canonical, v);
          if (!t.zh.empty())
            err(cn, t.zh, t.en), ok = false;
          else
            values.push_back({"claimed/" + col.field, {t.value, cn}});
          break;
        }
        case Kind::EventId:
          event["id"] = v;
          break;
        case Kind::Type:
          type = v;
          break;
        case Kind::Date:
          event["date"] = normal_date(v);
          break;
        case Kind::EventField:
          event_cells.push_back({col.field, cn});
          break;
      }
    }
    if (!ok) continue;
    if (applicant.empty()) {
      err(columns.of("applicant"), "缺少申请人（applicant 列为空）",
          "the applicant is missing (the applicant column is empty)");
      continue;
    }
    if (type.empty() && (!event_cells.empty() || event.contains("date") || event.contains("id"))) {
      err(columns.of("type"), "有事件内容但缺少事件类型（type 列）",
          "the row describes an event but its type (the type column) is empty");
      continue;
    }
    if (!type.empty()) {
      std::string id = lower(type);
      for (auto& [tid, et] : m.vocab.event_types)
        if (et.label.zh == type) id = tid;
      auto et = m.vocab.event_types.find(id);
      if (et == m.vocab.event_types.end()) {
        err(columns.of("type"), "未知事件类型“" + type + "”", "unknown event type '" + type + "'");
        continue;
      }
      json ev = json::object();
      ev["id"] = event.contains("id") ? event["id"] : json("L" + std::to_string(rec.line));
      ev["type"] = id;
      if (event.contains("date")) ev["date"] = event["date"];
      for (auto& [fname, cn] : event_cells) {
        const std::string* def = nullptr;
        for (auto& f : et->second.fields)
          if (f.first == fname) def = &f.second;
        if (!def) {
          err(cn, "事件类型“" + id + "”没有字段“" + fname + "”（这一格应留空）",
              "event type '" + id + "' has no field '" + fname + "' (leave this cell empty)");
          ok = false;
          break;
        }
        Typed t = typed(m, m.vocab.fields.at(*def), fname, trim(rec.cells[cn - 1]));
        if (!t.zh.empty()) {
          err(cn, t.zh, t.en);
          ok = false;
          break;
        }
        ev[fname] = t.value;
      }
      if (!ok) continue;
      event = std::move(ev);
    } else {
      event = nullptr;
    }
    // Applicant-level values must agree with the applicant's earlier rows.
    auto found = by_applicant.find(applicant);
    Claim* c = found == by_applicant.end() ? nullptr : &claims[found->second];
    if (c)
      for (auto& [key, vc] : values) {
        auto at = c->value_lines.find(key);
        if (at == c->value_lines.end()) continue;
        const json* before = nullptr;
        if (key == "city" || key == "as_of")
          before = &c->situation[key];
        else if (key.rfind("applicant/", 0) == 0)
          before = &c->situation["applicant"][key == "applicant/kind" ? "kind" : key.substr(10)];
        else
          before = &c->claimed[key.substr(8)];
        if (*before != vc.first) {
          err(vc.second, "与同一申请人第 " + std::to_string(at->second) + " 行的值（" + before->dump() + "）不一致",
              "differs from the same applicant's value on line " + std::to_string(at->second) + " (" + before->dump() +
                  ")");
          ok = false;
          break;
        }
      }
    if (!ok) continue;
    if (!c) {
      by_applicant.emplace(applicant, claims.size());
      claims.emplace_back();
      c = &claims.back();
      c->applicant = applicant;
      c->situation = json::object();
      c->situation["applicant"] = json::object();
      c->situation["events"] = json::array();
    }
    for (auto& [key, vc] : values) {
      if (c->value_lines.count(key)) continue;
      c->value_lines[key] = rec.line;
      if (key == "city" || key == "as_of")
        c->situation[key] = vc.first;
      else if (key == "applicant/kind")
        c->situation["applicant"]["kind"] = vc.first;
      else if (key.rfind("applicant/", 0) == 0)
        c->situation["applicant"][key.substr(10)] = vc.first;
      else
        c->claimed[key.substr(8)] = vc.first;
    }
    c->lines.push_back(rec.line);
    if (!event.is_null()) {
      c->situation["events"].push_back(std::move(event));
      c->event_lines.push_back(rec.line);
    }
  }
  // Keys in the order DESIGN.md writes them.
  for (size_t k = first_claim; k < claims.size(); ++k) {
    Claim& c = claims[k];
    json s = json::object();
    if (c.situation.contains("city")) s["city"] = c.situation["city"];
    if (c.situation.contains("as_of")) s["as_of"] = c.situation["as_of"];
    s["applicant"] = c.situation["applicant"];
    s["events"] = c.situation["events"];
    c.situation = std::move(s);
  }
}

bool read_claims(const skillcalc::Model& m, std::string_view data, std::vector<Claim>& claims, Columns& columns,
                 std::vector<RowError>& errors, long& rows, Refusal& fatal) {
  size_t bom = 0;
  fatal = check_encoding(data, bom);
  if (fatal.refused()) return false;
  std::vector<Record> records;
  parse(data.substr(bom), records, errors);
  rows = static_cast<long>(errors.size());  // malformed records are rows too
  if (records.empty()) {
    fatal = {
        "文件为空：第一行应是列名（applicant, city, applicant_kind, type, date …）",
        "the file is empty: its first line should name the columns (applicant, city, applicant_kind, type, date …)"};
    return false;
  }
  Layout layout;
  if (!read_header(m, records[0], layout, fatal)) return false;
  columns = layout.columns;
  records.erase(records.begin());
  read_rows(m, layout, records, claims, errors, rows);
  return true;
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
