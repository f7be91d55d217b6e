// Money as words, and money found in Chinese policy text. Integers only.
#pragma once
#include <set>
#include <string>

namespace skillcalc {

std::string yuan_zh(long long y);  // 30000 -> "3万元", 108000 -> "10.8万元", 5000 -> "5000元"
std::string yuan_en(long long y);  // 30000 -> "30,000 yuan"

// The yuan figures and the percentages a Chinese text states: "5 万元", "１．２万元", "5000—7000元", "十万元", "30%".
struct Figures {
  std::set<long long> yuan, percent;
};
Figures figures_in(const std::string& text);

// The text with full-width digits, dots, colons, percent signs and parentheses made ASCII and white space removed,
// for comparing a quote with its source.
std::string squeeze(const std::string& text);

}  // namespace skillcalc
