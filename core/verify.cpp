// Verifying the linked model (after link.cpp): checks that span measures, documents, stacking rules and caps, and
// that every figure of a measure, cap or pool is stated in its own quote.
#include <limits>
#include <map>

#include "load.hpp"
#include "money.hpp"

namespace skillcalc {

namespace {
// The JSON pointer of a measure, stacking rule or cap in its own rule file: its index among its document's own.
std::string measure_path(const Model& m, int mi) {
  const auto& own = m.documents[m.measures[mi].doc].measures;
  return "/measures/" + std::to_string(std::find(own.begin(), own.end(), mi) - own.begin());
}
// The least one item of the measure pays per head and period, whatever the situation: 0 when some option (or the
// amount) can pay nothing or an open amount (up_to, percent, unstated).
long long least_item(const Measure& x) {
  auto least = [](const Amount& a) -> long long {
    switch (a.kind) {
      case Amount::Kind::Fixed:
        return a.yuan;
      case Amount::Kind::Range:
        return a.min_yuan;
      case Amount::Kind::Floor:
        return a.min_yuan;
      default:
        return 0;
    }
  };
  if (x.options.empty()) return least(x.amount);
  long long out = -1;
  for (auto& o : x.options) out = out < 0 ? least(o.amount) : std::min(out, least(o.amount));
  return out < 0 ? 0 : out;
}

std::string file_of(const Model& m, int doc) {
  return m.documents[doc].folder + "/rules.json";
}

// too_many_kinds, and one document encoded twice with overlapping periods.
void verify_documents(const Model& m, Problems& p) {
  if (m.vocab.applicant_kinds.size() > static_cast<size_t>(kMaxKinds))
    p.add("vocabulary.json", "/applicant_kinds", "too_many_kinds", "申请人类型最多 32 种",
          "at most 32 applicant kinds");
  for (size_t b = 0; b < m.documents.size(); ++b)
    for (size_t a = 0; a < b; ++a) {
      const Document &x = m.documents[a], &y = m.documents[b];
      bool same = (!x.id.empty() && x.id == y.id) || (!x.number.empty() && x.number == y.number && x.city == y.city);
      if (same && x.from && y.from && x.from <= y.to && y.from <= x.to)
        p.add(file_of(m, static_cast<int>(b)), "/document/period", "overlapping_period",
              "文件“" + y.number + "”（" + y.id + "）已由 " + x.folder + " 编码，两者的施行期重叠",
              "document '" + y.number + "' (" + y.id + ") is also encoded in " + x.folder +
                  " and the two periods overlap");
    }
}

// supersedes as a graph of measure ids: a cycle is reported once, at the measure where the search meets it again.
void verify_no_cycle(const Model& m, Problems& p) {
  std::map<std::string, int> by_id;
  for (size_t i = 0; i < m.measures.size(); ++i) by_id.emplace(m.measures[i].id, static_cast<int>(i));
  std::vector<char> state(m.measures.size(), 0);  // 0 unseen, 1 on the path, 2 done
  for (size_t start = 0; start < m.measures.size(); ++start) {
    if (state[start]) continue;
    std::vector<std::pair<int, size_t>> stack{{static_cast<int>(start), 0}};  // measure, next edge
    state[start] = 1;
    while (!stack.empty()) {
      auto& [mi, next] = stack.back();
      const auto& edges = m.measures[mi].supersedes;
      if (next == edges.size()) {
        state[mi] = 2;
        stack.pop_back();
        continue;
      }
      const std::string& to = edges[next];
      size_t edge = next++;
      auto it = by_id.find(to);
      if (it == by_id.end()) continue;
      if (state[it->second] == 1) {
        const Measure& x = m.measures[mi];
        p.add(file_of(m, x.doc), measure_path(m, mi) + "/supersedes/" + std::to_string(edge), "cycle",
              "“" + x.id + "”与“" + to + "”互相取代（循环）",
              "'" + x.id + "' and '" + to + "' supersede each other (a cycle)");
      } else if (!state[it->second]) {
        state[it->second] = 1;
        stack.push_back({it->second, 0});
      }
    }
  }
}

// A stacking rule or a cap, in the words of the problems found in it.
struct RuleNoun {
  std::string zh, en;
};
const RuleNoun kStackingRule{"就高规则", "stacking rule"}, kCap{"上限", "cap"};

// What a stacking rule and a cap both need: a measure with money and a verbatim quote.
template <class Rule>
void verify_measures_and_quote(const Model& m, Problems& p, const Rule& r, const std::string& path, const RuleNoun& n) {
  if (r.measures.empty())
    p.add(file_of(m, r.doc), path + "/measures", "missing_field", n.zh + "没有涉及资金的措施",
          "the " + n.en + " names no measure with money");
  if (squeeze(r.quote).empty())
    p.add(file_of(m, r.doc), path + "/quote", "missing_quote", n.zh + "缺少原文引用",
          "the " + n.en + "'s verbatim quote is missing");
}

// `later` has the id of an earlier rule of the same document.
template <class Rule>
void verify_id_once(const Model& m, Problems& p, const Rule& earlier, const Rule& later, const std::string& path,
                    const RuleNoun& n) {
  if (earlier.doc == later.doc && !later.id.empty() && earlier.id == later.id)
    p.add(file_of(m, later.doc), path + "/id", "duplicate_id", n.zh + "标识“" + later.id + "”重复",
          n.en + " id '" + later.id + "' is used twice");
}

// Stacking rules: measures with money, a quote, unique ids, no measure in two rules of a city.
void verify_stackings(const Model& m, Problems& p) {
  const std::vector<size_t> own_stacking = own_index(m.stackings);
  for (size_t i = 0; i < m.stackings.size(); ++i) {
    const Stacking& st = m.stackings[i];
    std::string path = pointer_in_file("stacking", own_stacking, i);
    verify_measures_and_quote(m, p, st, path, kStackingRule);
    for (size_t j = 0; j < i; ++j) {
      const Stacking& other = m.stackings[j];
      if (m.documents[other.doc].city != m.documents[st.doc].city) continue;  // `also` spans a city's documents
      verify_id_once(m, p, other, st, path, kStackingRule);
      for (int mi : st.measures)
        if (std::binary_search(other.measures.begin(), other.measures.end(), mi)) {
          p.add(file_of(m, st.doc), path + "/measures", "stacking_overlap",
                "措施“" + m.measures[mi].id + "”同时属于就高规则“" + other.id + "”和“" + st.id + "”",
                "measure '" + m.measures[mi].id + "' is in two stacking rules, '" + other.id + "' and '" + st.id + "'");
          break;
        }
    }
  }
}

// The fields a measure reads as numbers must be whole numbers that cannot be negative, and its largest item (the
// largest amount x the most heads x the most periods the vocabulary's ranges allow) must fit in 64 bits: evaluation
// multiplies them as long long before it can refuse an absurd total.
void verify_numbers(const Model& m, Problems& p) {
  const std::vector<size_t> own_measure = own_index(m.measures);
  for (size_t mi = 0; mi < m.measures.size(); ++mi) {
    const Measure& x = m.measures[mi];
    const std::string where = pointer_in_file("measures", own_measure, mi);
    auto number_field = [&](const Path& path, const std::string& at) -> const FieldDef* {
      const FieldDef* d = def_of(m, path, x.event);
      if (!d) return nullptr;  // an unknown field is reported where it is read
      if (d->type != FieldDef::Type::Int)
        p.add(file_of(m, x.doc), at, "bad_path", "“" + path.text() + "”不是整数字段",
              "'" + path.text() + "' is not a whole-number field");
      else if (d->min < 0)
        p.add(file_of(m, x.doc), at, "bad_path", "“" + path.text() + "”可以为负数",
              "'" + path.text() + "' can be negative");
      else
        return d;
      return nullptr;
    };
    __int128 unit = 0;
    auto largest = [&](const Amount& a, const std::string& at) {
      switch (a.kind) {
        case Amount::Kind::Fixed:
          unit = std::max<__int128>(unit, a.yuan);
          break;
        case Amount::Kind::Range:
        case Amount::Kind::UpTo:
          unit = std::max<__int128>(unit, a.max_yuan);
          break;
        case Amount::Kind::Floor:
          unit = std::max<__int128>(unit, a.min_yuan);
          break;
        case Amount::Kind::Percent:
          if (const FieldDef* d = number_field(a.of, at + "/of")) {
            __int128 u = static_cast<__int128>(d->max) * a.percent / 100;
            unit = std::max<__int128>(unit, a.has_cap ? std::min<__int128>(u, a.max_yuan) : u);
          }
          break;
        default:
          break;
      }
    };
    largest(x.amount, where + "/amount");
    for (size_t o = 0; o < x.options.size(); ++o)
      largest(x.options[o].amount, where + "/options/" + std::to_string(o) + "/amount");
    __int128 heads = 1, periods = 1;
    if (x.per_head == Measure::PerHead::Count) {
      if (const FieldDef* d = number_field(Path{Path::Scope::Event, "count"}, where + "/per_head"))
        heads = std::max<long long>(1, d->max);
    } else if (x.per_head == Measure::PerHead::Path) {
      if (const FieldDef* d = number_field(x.per_head_path, where + "/per_head"))
        heads = std::max<long long>(1, d->max);
    }
    if (x.schedule.has_count_from) number_field(x.schedule.count_from, where + "/schedule/count_from");
    if (x.schedule.periodic() && x.schedule.count_known) periods = std::max<long long>(1, x.schedule.count);
    const __int128 limit = std::numeric_limits<long long>::max();  // each factor is at most 2^63: two fit in 128 bits
    if (unit * heads > limit || unit * heads * periods > limit)
      p.add(file_of(m, x.doc), where, "amount_overflow", "“" + x.id + "”最大一项（金额×人数×期数）超出可计算范围",
            "the largest item of '" + x.id + "' (amount x heads x periods) is beyond what can be computed");
  }
}

// Caps: measures with money, a quote, unique ids, and never below what one item of a measure always pays.
void verify_caps(const Model& m, Problems& p) {
  const std::vector<size_t> own_cap = own_index(m.caps);
  for (size_t i = 0; i < m.caps.size(); ++i) {
    const Cap& c = m.caps[i];
    std::string path = pointer_in_file("caps", own_cap, i);
    verify_measures_and_quote(m, p, c, path, kCap);
    for (size_t j = 0; j < i; ++j) verify_id_once(m, p, m.caps[j], c, path, kCap);
    for (int mi : c.measures)
      if (c.max_yuan > 0 && least_item(m.measures[mi]) > c.max_yuan)
        p.add(file_of(m, c.doc), path + "/max_yuan", "contradictory_cap",
              "上限 " + std::to_string(c.max_yuan) + " 元低于措施“" + m.measures[mi].id + "”每项至少发放的 " +
                  std::to_string(least_item(m.measures[mi])) + " 元",
              "the cap of " + std::to_string(c.max_yuan) + " yuan is below the " +
                  std::to_string(least_item(m.measures[mi])) + " yuan that one item of '" + m.measures[mi].id +
                  "' always pays");
  }
}
}  // namespace

// Checks across measures, documents, stacking rules and caps (see rules/FORMAT.md and tests/broken-rules/):
//  - too_many_kinds: more applicant kinds than the bitmask of a measure holds;
//  - overlapping_period: one document (the same id, or the same number in the same city) encoded in two rule files
//    whose periods share a day, so that every event of those days would be paid twice;
//  - cycle: measures that supersede each other, directly or through others (supersedes must run from newer to older);
//  - stacking_overlap: a measure in two stacking rules of its document (就高不重复 groups that share a measure chain
//    into each other: which item is paid would depend on the order the rules are applied);
//  - duplicate_id: two stacking rules or caps of one document with the same id;
//  - missing_field: a stacking rule or cap that names no measure with money; missing_quote: one with an empty quote
//    (an empty quote is found in any text, so the fidelity check would pass it);
//  - bad_path: a field read as a number (per_head, percent of, count_from) that is not a whole number or can be
//    negative; amount_overflow: a measure whose largest item cannot be computed in 64 bits;
//  - contradictory_cap: a cap below what one item of a measure it limits always pays (the stated amount could never
//    be paid), besides two caps of the same measures and span with different amounts (read with the caps).
void verify_links(const Model& m, Problems& p) {
  verify_documents(m, p);
  verify_no_cycle(m, p);
  verify_stackings(m, p);
  verify_numbers(m, p);
  verify_caps(m, p);
}

// Every yuan figure and percentage of a measure, every cap and every pool's budget, limits and quota must be stated
// in its own quote.
void verify_figures(const Model& m, Problems& p) {
  const std::vector<size_t> own_measure = own_index(m.measures);
  for (size_t i = 0; i < m.measures.size(); ++i) {
    const Measure& x = m.measures[i];
    const std::string file = m.documents[x.doc].folder + "/rules.json",
                      at = pointer_in_file("measures", own_measure, i);
    std::string all;
    for (auto& f : x.fragments) all += f + "\n";
    Figures fig = figures_in(all);
    auto need = [&](long long y, const std::string& what) {
      if (!fig.yuan.count(y))
        p.add(file, at, "amount_not_in_quote", what + " " + std::to_string(y) + " 元不见于“" + x.id + "”的原文引用",
              "the figure " + std::to_string(y) + " yuan is not stated in the quote of " + x.id);
    };
    auto verify = [&](const Amount& a) {
      switch (a.kind) {
        case Amount::Kind::Fixed:
          need(a.yuan, "金额");
          break;
        case Amount::Kind::Range:
          need(a.min_yuan, "金额下限");
          need(a.max_yuan, "金额上限");
          break;
        case Amount::Kind::UpTo:
          need(a.max_yuan, "最高金额");
          break;
        case Amount::Kind::Floor:
          need(a.min_yuan, "最低金额");
          break;
        case Amount::Kind::Percent:
          if (!fig.percent.count(a.percent))
            p.add(file, at, "amount_not_in_quote", "比例 " + std::to_string(a.percent) + "% 不见于原文引用",
                  "the percentage " + std::to_string(a.percent) + "% is not stated in the quote of " + x.id);
          if (a.has_cap) need(a.max_yuan, "上限");
          break;
        default:
          break;
      }
    };
    verify(x.amount);
    for (auto& o : x.options) verify(o.amount);
  }
  const std::vector<size_t> own_cap = own_index(m.caps);
  for (size_t ci = 0; ci < m.caps.size(); ++ci) {
    const Cap& c = m.caps[ci];
    if (!figures_in(c.quote).yuan.count(c.max_yuan))
      p.add(m.documents[c.doc].folder + "/rules.json", pointer_in_file("caps", own_cap, ci) + "/max_yuan",
            "amount_not_in_quote", "上限 " + std::to_string(c.max_yuan) + " 元不见于其原文引用",
            "the cap of " + std::to_string(c.max_yuan) + " yuan is not stated in its quote");
  }
  // A pool's budget, its payers' limits and its quota must be stated in its own quote.
  for (auto& pl : m.pools) {
    const std::string file = m.documents[pl.doc].folder + "/rules.json";
    Figures fig = figures_in(pl.quote);
    auto need = [&](long long y, const char* zh, const char* en) {
      if (!fig.yuan.count(y))
        p.add(file, "/pools/" + pl.id, "amount_not_in_quote",
              std::string(zh) + " " + std::to_string(y) + " 元不见于其原文引用",
              std::string("the ") + en + " of " + std::to_string(y) + " yuan is not stated in its quote");
    };
    if (pl.rule != Pool::Rule::Quota) need(pl.budget_yuan, "预算", "budget");
    for (auto& lim : pl.payer_limits) need(lim.second, "付款方上限", "payer limit");
    if (pl.rule == Pool::Rule::Quota &&
        squeeze(pl.quote).find(std::to_string(pl.max_people) + "名") == std::string::npos)
      p.add(file, "/pools/" + pl.id, "amount_not_in_quote",
            "名额 " + std::to_string(pl.max_people) + " 名不见于其原文引用",
            "the quota of " + std::to_string(pl.max_people) + " people is not stated in its quote");
  }
}

}  // namespace skillcalc
