// libFuzzer target (c): arbitrary bytes through the CSV record reader. Besides the sanitizers it aborts when the
// reader loses its place: records and errors come in line order, every record read again from its offset is the
// same record (the second pass of eval --csv depends on it), and no cell is over the limit.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "csv_read.hpp"

namespace {

[[noreturn]] void broken(const char* what, long line) {
  std::fprintf(stderr, "property broken: %s (line %ld)\n", what, line);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t bom = 0;
  csv::check_encoding(in, bom);
  int expect = size ? data[0] % 8 : 0;  // the header's width, as the claims reader sets it
  csv::Reader r(in, 0, 1, expect);
  csv::Record rec;
  std::vector<csv::RowError> errors;
  long last = 0;
  size_t seen = 0;
  while (r.next(rec, errors)) {
    for (; seen < errors.size(); ++seen) {
      if (errors[seen].line <= last && last) broken("an error out of line order", errors[seen].line);
      last = errors[seen].line;
    }
    if (rec.line <= last && last) broken("a record out of line order", rec.line);
    last = rec.line;
    for (auto& c : rec.cells)
      if (c.size() > csv::kMaxCell) broken("a cell over the limit", rec.line);
    csv::Reader again(in, rec.offset, rec.line, expect);
    csv::Record twice;
    std::vector<csv::RowError> none;
    if (!again.next(twice, none) || !none.empty() || twice.cells != rec.cells || twice.line != rec.line)
      broken("a record read again from its offset differs", rec.line);
  }
  for (; seen < errors.size(); ++seen)
    if (errors[seen].line <= last && last) broken("an error out of line order", errors[seen].line);
  if (r.offset() != size) broken("the reader stopped before the end", r.line());
  return 0;
}
