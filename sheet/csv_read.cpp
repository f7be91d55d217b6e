#include "csv_read.hpp"

#include <algorithm>

namespace csv {

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

bool looks_utf16(std::string_view head) {
  size_t even = 0, odd = 0, k = head.size() < 1024 ? head.size() : 1024;
  for (size_t i = 0; i < k; ++i)
    if (!head[i]) ++(i % 2 ? odd : even);
  return k >= 2 && (even * 4 >= k || odd * 4 >= k);
}

Refusal check_encoding(std::string_view data, size_t& bom, const std::function<void(size_t)>& progress) {
  bom = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  if ((n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) || looks_utf16(data))
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
  // A NUL byte says the file is not text at all (a picture, a workbook .xlsx chosen by mistake), whatever else in it is
  // not UTF-8: no CSV, in any encoding but UTF-16, holds one.
  if (nul != std::string_view::npos) {
    long line = 1 + static_cast<long>(std::count(data.begin(), data.begin() + static_cast<long>(nul), '\n'));
    return {"文件第 " + std::to_string(line) +
                " 行含有 NUL 字节（0x00）：这不是文本 CSV（是否选错了文件，如图片或 .xlsx 工作簿？）。"
                "请另存为“CSV UTF-8（逗号分隔）(*.csv)”后重试。",
            "line " + std::to_string(line) +
                " of the file holds a NUL byte (0x00): this is not a text CSV (the wrong file, such as a picture or an "
                ".xlsx workbook?). Save it as \"CSV UTF-8 (Comma delimited) (*.csv)\" and try again."};
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

// Just past the line break (LF, CRLF or a lone CR, as old Mac files end lines) that ends the physical line at i, or
// the end.
size_t line_end(std::string_view d, size_t i) {
  size_t at = d.find_first_of("\r\n", i);
  if (at == std::string_view::npos) return d.size();
  return d[at] == '\r' && at + 1 < d.size() && d[at + 1] == '\n' ? at + 2 : at + 1;
}

// Whether a line break is at i: LF, or a CR not followed by LF (a CRLF counts at its LF).
bool breaks_line(std::string_view d, size_t i) {
  return d[i] == '\n' || (d[i] == '\r' && (i + 1 == d.size() || d[i + 1] != '\n'));
}

// Whether a quoted cell that spans lines holds a whole row of the file: a line of it with as many commas as the
// header's cells need. A note typed "见附件 whose quote a later 12" closes swallows the rows between as text.
bool holds_a_row(std::string_view cell, int cells, const std::function<bool(std::string_view)>& reads_as_row) {
  if (cells < 2) return false;
  size_t from = cell.find_first_of("\r\n");
  while (from != std::string_view::npos) {
    size_t to = cell.find_first_of("\r\n", from + 1);
    std::string_view line =
        cell.substr(from + 1, to == std::string_view::npos ? std::string_view::npos : to - from - 1);
    if (std::count(line.begin(), line.end(), ',') >= cells - 1 && (!reads_as_row || reads_as_row(line))) return true;
    from = to;
  }
  return false;
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
    long took = line_ - first + (i_ >= d_.size() && (d_.empty() || (d_.back() != '\n' && d_.back() != '\r')) ? 1 : 0);
    std::string l = std::to_string(first), k = std::to_string(took);
    std::string why_zh = f == Fault::Unclosed   ? "直到文件末尾都没有闭合"
                         : f == Fault::Runaway  ? "在 64 KiB 之内没有闭合"
                         : f == Fault::Swallows ? "括住了整行数据（其中一行的逗号数与表头相同）"
                                                : "闭合后本行无法结束（或列数超过表头）";
    std::string why_en = f == Fault::Unclosed   ? "is never closed"
                         : f == Fault::Runaway  ? "is not closed within 64 KiB"
                         : f == Fault::Swallows ? "takes in whole rows (a line inside it has the header's commas)"
                                                : "closes where the row cannot end (or the row has too many cells)";
    if (f == Fault::Runaway && took <= 1)  // one quoted cell over the limit on its own line, not lines swallowed
      errors.push_back(
          {first, quote_column_, "",
           "第 " + l + " 行有一个单元格超过 64 KiB，本行未计算，从第 " + std::to_string(first + 1) + " 行起继续读取",
           "a cell on line " + l + " is larger than 64 KiB: the line is not evaluated; reading goes on at line " +
               std::to_string(first + 1),
           1, ""});
    else
      errors.push_back({first, quote_column_, "",
                        "第 " + l + " 行的引号" + why_zh +
                            (took <= 1 ? std::string() : "：从该行起的 " + k + " 行会被读成一个单元格") + "。第 " + l +
                            " 行未计算，从第 " + std::to_string(first + 1) + " 行起继续读取（字段中的引号要写成 \"\"）",
                        "the quote opened on line " + l + " " + why_en +
                            (took <= 1 ? std::string() : ": it would take " + k + " lines into one cell") + ". Line " +
                            l + " is not evaluated; reading goes on at line " + std::to_string(first + 1) +
                            " (a quote inside a field is written \"\")",
                        1, ""});
    if (namer_) namer_(rec.cells, errors.back());
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
  rec.unended = false;
  std::string cell;
  const size_t n = d_.size();
  const long first = line_;
  bool bad = false, at_start = true;
  int column = 1;
  auto fault = [&](const std::string& zh, const std::string& en) {
    if (!bad) {
      errors_->push_back({first, column, "", zh, en, 1, ""});
      if (namer_) namer_(rec.cells, errors_->back());
    }
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
        if (breaks_line(d_, i_)) ++line_;
        if (cell.size() >= kMaxCell) return Fault::Runaway;
        cell += q;
        ++i_;
      }
      if (!closed) return Fault::Unclosed;
      if (line_ != first && expect_ > 0 && holds_a_row(cell, expect_, row_test_)) return Fault::Swallows;
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
  rec.unended = i_ >= n && n > 0 && d_[n - 1] != '\n' && d_[n - 1] != '\r';
  rec.cells.push_back(std::move(cell));
  if (line_ - first > 1 && expect_ > 0 && static_cast<int>(rec.cells.size()) > expect_) return Fault::Spans;
  return Fault::None;
}

void parse(std::string_view d, std::vector<Record>& out, std::vector<RowError>& errors) {
  Reader r(d, 0, 1);
  Record rec;
  while (r.next(rec, errors)) out.push_back(rec);
}

}  // namespace csv
