#include "claim_lines.hpp"

#include <utility>

#include "situation.hpp"

namespace sheet {

size_t max_claim_line_bytes() {
  return skillcalc::kMaxSituationBytes + 4096;
}

ClaimLines::Taken ClaimLines::take(std::string line, long number, bool overlong, bool skip_blank) {
  if (overlong) {
    left_out.push_back({number, 0, "", "", "这一行过大（最多 256 KiB），未计入",
                        "this line is too large (at most 256 KiB): left out", 1});
    return Taken::LeftOut;
  }
  if (skip_blank && skillcalc::blank_line(line)) return Taken::Blank;
  claims.push_back(std::move(line));
  line_of.push_back(number);
  return Taken::Claim;
}

ClaimLines claim_lines(std::string_view text, bool skip_blank) {
  ClaimLines out;
  long number = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool overlong = line.size() > max_claim_line_bytes();
    out.take(overlong ? std::string() : std::string(line), ++number, overlong, skip_blank);
    at = end + 1;
  }
  return out;
}

}  // namespace sheet
