// Batch settlement of city-wide pools (rules.json "pools"): budgets shared pro rata across all the claims of a year,
// and quotas of people. Every claim is evaluated as one situation; the items that count (granted or capped) of a
// pool's measures are gathered per pool and calendar year of their event; then the arithmetic below. Money is whole
// yuan; products are computed in 128 bits; nothing here is floating point.
#include "budget.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <unordered_map>

#include "day.hpp"
#include "evaluate.hpp"
#include "load.hpp"
#include "money.hpp"
#include "render.hpp"
#include "situation.hpp"
#include "skillcalc.hpp"
#include "strict_json.hpp"

namespace skillcalc {

using i128 = __int128;
using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

std::vector<long long> apportion(long long amount, const std::vector<long long>& weights) {
  std::vector<long long> out(weights.size(), 0);
  i128 total = 0;
  for (long long w : weights) total += w > 0 ? w : 0;
  if (total <= 0 || amount <= 0) return out;
  std::vector<std::pair<long long, size_t>> rem;  // remainder, row
  rem.reserve(weights.size());
  i128 given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    i128 exact = static_cast<i128>(amount) * weights[i];
    out[i] = static_cast<long long>(exact / total);
    given += out[i];
    long long r = static_cast<long long>(exact % total);  // < total <= 2^63 in practice (weights are yuan)
    if (r > 0) rem.push_back({r, i});
  }
  long long left = static_cast<long long>(amount - given);  // < number of rows with a remainder
  auto larger = [](const std::pair<long long, size_t>& a, const std::pair<long long, size_t>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  if (left > 0 && static_cast<size_t>(left) < rem.size())
    std::nth_element(rem.begin(), rem.begin() + left, rem.end(), larger);
  for (long long k = 0; k < left && k < static_cast<long long>(rem.size()); ++k) ++out[rem[k].second];
  return out;
}

std::vector<std::vector<long long>> split_payers(const std::vector<long long>& rows,
                                                 const std::vector<std::pair<long long, long long>>& shares) {
  const size_t n = rows.size(), k = shares.size();
  std::vector<std::vector<long long>> out(n, std::vector<long long>(k, 0));
  if (k == 0) return out;
  // Shares over a common denominator.
  long long den = 1;
  for (auto& s : shares) den = std::lcm(den, s.second > 0 ? s.second : 1);
  std::vector<long long> w(k);
  for (size_t j = 0; j < k; ++j) w[j] = shares[j].first * (den / (shares[j].second > 0 ? shares[j].second : 1));
  long long total = 0;
  for (long long r : rows) total += r;
  std::vector<long long> column = apportion(total, w);
  long long wsum = 0;
  for (long long x : w) wsum += x;
  if (wsum <= 0) return out;
  // What each row can still take beyond the floors of every column.
  std::vector<long long> slack(n);
  std::vector<std::vector<long long>> rem(n, std::vector<long long>(k));
  for (size_t i = 0; i < n; ++i) {
    long long floors = 0;
    for (size_t j = 0; j < k; ++j) {
      i128 exact = static_cast<i128>(rows[i]) * w[j];
      out[i][j] = static_cast<long long>(exact / wsum);
      rem[i][j] = static_cast<long long>(exact % wsum);
      floors += out[i][j];
    }
    slack[i] = rows[i] - floors;
  }
  for (size_t j = 0; j + 1 < k; ++j) {
    long long floors = 0;
    for (size_t i = 0; i < n; ++i) floors += out[i][j];
    long long left = column[j] - floors;
    std::vector<size_t> order;
    for (size_t i = 0; i < n; ++i)
      if (rem[i][j] > 0 && slack[i] > 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rem[a][j] > rem[b][j]; });
    for (size_t t = 0; t < order.size() && left > 0; ++t, --left) ++out[order[t]][j], --slack[order[t]];
    for (size_t i = 0; i < n && left > 0; ++i)  // only where the shares cannot be met row by row (three payers or more)
      while (slack[i] > 0 && left > 0) ++out[i][j], --slack[i], --left;
  }
  for (size_t i = 0; i < n; ++i) {
    long long rest = rows[i];
    for (size_t j = 0; j + 1 < k; ++j) rest -= out[i][j];
    out[i][k - 1] = rest;
  }
  return out;
}

namespace {

struct Err {
  std::string code, path, zh, en;
};

// One applicant: one claim, or several claims with the same id merged into one situation (so that caps per
// applicant span all of them).
struct Applicant {
  std::string id;
  std::vector<int> inputs;  // 0-based indices of the claims
  std::string_view bare;    // a bare situation, evaluated as given
  json merged;              // the situation of several merged claims
  bool envelope = false, is_merged = false, bad = false;
  std::vector<std::pair<int, int>> origin;                 // merged: per event, its claim and its index there
  std::vector<std::pair<std::string, long long>> claimed;  // clause id -> yuan, as the claims state it
};

struct Slot {  // an applicant in a pool's year
  int applicant = -1;
  long long claimed = 0, heads = 0;
  bool upper_bound = false, given = false, unknown = false;
};

struct Group {
  int pool = -1, year = 0;
  std::vector<Slot> slots;
  std::vector<std::pair<int, std::string>> not_counted;  // applicant, clause id: no total known
};

// JSON text of a string (inputs are valid UTF-8: they come from parsed JSON or the rule files).
void quoted(std::string& o, std::string_view s) {
  o += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        o += "\\\"";
        break;
      case '\\':
        o += "\\\\";
        break;
      case '\n':
        o += "\\n";
        break;
      case '\r':
        o += "\\r";
        break;
      case '\t':
        o += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char b[8];
          snprintf(b, sizeof b, "\\u%04x", static_cast<unsigned char>(c));
          o += b;
        } else {
          o += c;
        }
    }
  }
  o += '"';
}

const char* rule_name(Pool::Rule r) {
  return r == Pool::Rule::ProRataAbove ? "pro_rata_above" : r == Pool::Rule::CapTotal ? "cap_total" : "quota";
}

ojson text_json(const Text& t) {
  return ojson{{"zh", t.zh}, {"en", t.en}};
}

std::string percent_text(long long num, long long den) {  // num/den as a percentage with four decimals, rounded down
  if (den <= 0) return "100%";
  i128 x = static_cast<i128>(num) * 1000000 / den;  // hundredths of a hundredth of a percent
  long long v = static_cast<long long>(x);
  char b[48];
  snprintf(b, sizeof b, "%lld.%04lld%%", v / 10000, v % 10000);
  return b;
}

// The situation of an envelope claim already read once without fault.
json envelope_situation(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  return j.is_object() && j.contains("situation") ? std::move(j["situation"]) : json::object();
}

}  // namespace

std::string settle_budget(const Model& m, const std::vector<std::string>& claims, std::string_view today) {
  try {
    Day t = parse_day(today);
    if (!t) return render_error("invalid_input", "", "今天的日期无效", "today's date is not valid");
    // Pools of each measure.
    std::vector<std::vector<int>> pools_of(m.measures.size());
    for (size_t p = 0; p < m.pools.size(); ++p)
      for (int mi : m.pools[p].measures) pools_of[mi].push_back(static_cast<int>(p));
    std::unordered_map<std::string, int> measure_index;
    for (size_t i = 0; i < m.measures.size(); ++i) measure_index.emplace(m.measures[i].id, static_cast<int>(i));

    ojson errors = ojson::array();
    size_t skipped_claims = 0;
    // `skipped`: the claims left out because of it (several when merged claims of one applicant fail together).
    auto error = [&](int input, const std::string& applicant, const Err& e, const std::vector<int>& skipped = {}) {
      ojson sk = ojson::array();
      for (int k : skipped) sk.push_back(k + 1);
      if (skipped.empty()) sk.push_back(input + 1);
      skipped_claims += sk.size();
      errors.push_back({{"input", input + 1},
                        {"applicant", applicant},
                        {"skipped_inputs", sk},
                        {"error", {{"code", e.code}, {"path", e.path}, {"zh", e.zh}, {"en", e.en}}}});
    };

    // 1. Read the claims; merge those that name the same applicant.
    std::vector<Applicant> apps;
    apps.reserve(claims.size());
    std::unordered_map<std::string, int> by_id;
    for (size_t i = 0; i < claims.size(); ++i) {
      const int in = static_cast<int>(i);
      std::string_view text = claims[i];
      std::string bare_id = "#" + std::to_string(i + 1);
      if (text.size() > kMaxSituationBytes + 4096) {
        error(in, bare_id, {"too_large", "", "输入过大（最多 256 KiB）", "the input is too large (at most 256 KiB)"});
        continue;
      }
      json j;
      bool envelope = text.find("\"situation\"") != std::string_view::npos;
      if (envelope) {
        if (json_nesting(text) > kMaxDepth + 1) {
          error(in, bare_id,
                {"too_deep", "", "JSON 嵌套过深（最多 16 层）", "the JSON is nested too deeply (at most 16 levels)"});
          continue;
        }
        JsonFault fault;
        if (!parse_strict(text, j, fault)) {
          error(in, bare_id, {fault.code, fault.path, fault.zh, fault.en});
          continue;
        }
        if (!j.is_object()) {
          error(in, bare_id, {"invalid_json", "", "不是有效的 JSON 对象", "not a valid JSON object"});
          continue;
        }
        envelope = j.contains("situation");  // not when "situation" occurs only inside a string
      }
      if (!envelope) {  // a bare situation: evaluated as given, named by its position
        Applicant a;
        a.id = bare_id;
        a.inputs = {in};
        a.bare = text;
        by_id.emplace(a.id, static_cast<int>(apps.size()));
        apps.push_back(std::move(a));
        continue;
      }
      Err bad;
      for (auto& [k, v] : j.items())
        if (k != "id" && k != "situation" && k != "claimed_yuan")
          bad = {"unknown_field", "/" + pointer_token(k), "未知字段“" + k + "”", "unknown field '" + k + "'"};
      std::string id = bare_id;
      if (auto it = j.find("id"); it != j.end()) {
        if (!it->is_string() || it->get_ref<const std::string&>().empty() ||
            it->get_ref<const std::string&>().size() > 200)
          bad = {"wrong_type", "/id", "id 必须是 1 至 200 字节的字符串", "id must be a string of 1 to 200 bytes"};
        else
          id = it->get<std::string>();
      }
      std::vector<std::pair<std::string, long long>> claimed;
      if (auto it = j.find("claimed_yuan"); it != j.end()) {
        if (!it->is_object())
          bad = {"wrong_type", "/claimed_yuan", "claimed_yuan 必须是对象", "claimed_yuan must be an object"};
        else
          for (auto& [k, v] : it->items()) {
            if (!v.is_number_integer() || v.get<long long>() < 0 || v.get<long long>() > 100000000000LL)
              bad = {"out_of_range", "/claimed_yuan/" + pointer_token(k), "申报金额必须是 0 至 1000 亿之间的整数元",
                     "a claimed amount must be whole yuan from 0 to 100,000,000,000"};
            else if (!measure_index.count(k))
              bad = {"unknown_id", "/claimed_yuan/" + pointer_token(k), "未知条款标识“" + k + "”",
                     "unknown clause id '" + k + "'"};
            else
              claimed.push_back({k, v.get<long long>()});
          }
      }
      json& sit = j["situation"];
      if (bad.code.empty() && !sit.is_object())
        bad = {"wrong_type", "/situation", "situation 必须是对象", "situation must be an object"};
      if (bad.code.empty() && sit.contains("events") && !sit["events"].is_array())
        bad = {"wrong_type", "/situation/events", "events 必须是数组", "events must be an array"};
      if (!bad.code.empty()) {
        error(in, id, bad);
        continue;
      }
      auto found = by_id.find(id);
      if (found == by_id.end()) {
        Applicant a;
        a.id = id;
        a.inputs = {in};
        a.envelope = true;
        a.claimed = std::move(claimed);
        by_id.emplace(id, static_cast<int>(apps.size()));
        apps.push_back(std::move(a));
        continue;
      }
      // The same applicant again: its events join the earlier situation, which must agree on everything else.
      Applicant& a = apps[found->second];
      if (!a.envelope) {  // bare situations are named "#n" by position: an envelope may not take that name
        error(in, id,
              {"duplicate_id", "/id", "申请人标识“" + id + "”与另一条记录的编号冲突",
               "applicant id '" + id + "' clashes with another claim's number"});
        continue;
      }
      // Events without an id get one that names their claim, so that ids stay unique once merged.
      auto name_events = [](json& s, int input) {
        if (!s.contains("events")) return;
        json& evs = s["events"];
        for (size_t e = 0; e < evs.size(); ++e)
          if (evs[e].is_object() && !evs[e].contains("id"))
            evs[e]["id"] = "c" + std::to_string(input + 1) + "-e" + std::to_string(e + 1);
      };
      if (!a.is_merged) {
        a.merged = envelope_situation(claims[a.inputs[0]]);
        a.is_merged = true;
        name_events(a.merged, a.inputs[0]);
        if (a.merged.contains("events"))
          for (size_t e = 0; e < a.merged["events"].size(); ++e) a.origin.push_back({a.inputs[0], static_cast<int>(e)});
      }
      json& into = a.merged;
      bool same = true;
      for (const char* k : {"city", "as_of", "applicant"}) {
        auto x = into.find(k);
        auto y = sit.find(k);
        bool hx = x != into.end(), hy = y != sit.end();
        if (hx != hy || (hx && *x != *y)) same = false;
      }
      for (auto& [k, v] : sit.items())
        if (k != "city" && k != "as_of" && k != "applicant" && k != "events") same = false;
      if (!same) {
        error(in, id,
              {"conflicting_claims", "/situation", "同一申请人“" + id + "”的各条记录的城市、日期或申请人信息不一致",
               "the claims of applicant '" + id + "' differ in city, as_of or applicant"});
        continue;
      }
      name_events(sit, in);
      std::vector<std::string> ids;
      if (into.contains("events"))
        for (auto& e : into["events"])
          if (e.is_object() && e.contains("id") && e["id"].is_string()) ids.push_back(e["id"].get<std::string>());
      Err clash;
      if (sit.contains("events"))
        for (size_t e = 0; e < sit["events"].size(); ++e) {
          const json& ev = sit["events"][e];
          if (ev.is_object() && ev.contains("id") && ev["id"].is_string() &&
              std::find(ids.begin(), ids.end(), ev["id"].get<std::string>()) != ids.end())
            clash = {"duplicate_id", "/situation/events/" + std::to_string(e) + "/id",
                     "事件标识与同一申请人的另一条记录重复",
                     "the event id is used in another claim of the same applicant"};
        }
      if (!clash.code.empty()) {
        error(in, id, clash);
        continue;
      }
      if (sit.contains("events")) {
        if (!into.contains("events")) into["events"] = json::array();
        for (size_t e = 0; e < sit["events"].size(); ++e) {
          into["events"].push_back(std::move(sit["events"][e]));
          a.origin.push_back({in, static_cast<int>(e)});
        }
      }
      for (auto& c : claimed) {
        bool added = false;
        for (auto& x : a.claimed)
          if (x.first == c.first) x.second += c.second, added = true;
        if (!added) a.claimed.push_back(c);
      }
      a.inputs.push_back(in);
    }

    // 2. Evaluate each applicant; gather the items of pooled measures.
    std::map<std::pair<int, int>, Group> groups;  // (pool, year)
    struct Sum {                                  // per measure of a pool and year: the applicant's total
      int measure = -1, year = 0;
      long long min = 0, max = 0, heads = 0;
      bool known = true;
    };
    std::vector<Sum> sums;
    struct CapHit {
      int applicant = -1, cap = -1, year = 0;
      long long before_min = 0, before_max = 0, after_min = 0, after_max = 0;
    };
    std::vector<CapHit> cap_hits;
    std::vector<std::pair<std::pair<int, int>, size_t>> mine;  // (pool, year) -> slot, for this applicant
    for (size_t ai = 0; ai < apps.size(); ++ai) {
      Applicant& a = apps[ai];
      std::string dumped;
      // An envelope's situation is read again from its claim rather than kept: memory stays small per claim.
      if (a.is_merged) dumped = a.merged.dump(-1, ' ', false, json::error_handler_t::replace);
      if (a.envelope && !a.is_merged)
        dumped = envelope_situation(claims[a.inputs[0]]).dump(-1, ' ', false, json::error_handler_t::replace);
      std::string_view text = a.envelope || a.is_merged ? std::string_view(dumped) : a.bare;
      Situation s;
      InputError ie;
      bool ok = parse_situation(text, t, m, s, ie);
      Evaluation ev;
      if (ok) ok = evaluate(m, s, ev, ie);
      auto report = [&](const Err& e) {
        // An error in a merged event is reported against the claim the event came from.
        int input = a.inputs[0];
        std::string path = e.path;
        if (a.is_merged && path.rfind("/events/", 0) == 0) {
          size_t end = path.find('/', 8);
          size_t k = std::strtoul(path.c_str() + 8, nullptr, 10);
          if (k < a.origin.size()) {
            input = a.origin[k].first;
            path = "/events/" + std::to_string(a.origin[k].second) + (end == std::string::npos ? "" : path.substr(end));
          }
        }
        if (a.envelope && path.rfind("/claimed_yuan", 0) != 0) path = "/situation" + path;
        error(input, a.id, {e.code, path, e.zh, e.en}, a.inputs);
        a.bad = true;
      };
      if (!ok) {
        report({ie.code, ie.path, ie.zh, ie.en});
        continue;
      }
      // Caps per applicant that bit (e.g. JN24 (三), 每所院校每年最高奖补100万元): shown, already applied.
      for (auto& it : ev.items) {
        if (it.status != Status::Capped || it.capped_by < 0) continue;
        const Cap& c = m.caps[it.capped_by];
        int year = c.per == Cap::Per::ApplicantYear ? day_year(event_of(ev, s, it).date) : 0;
        bool seen = false;
        for (auto& h : cap_hits)
          seen = seen || (h.applicant == static_cast<int>(ai) && h.cap == it.capped_by && h.year == year);
        if (seen) continue;
        CapHit h{static_cast<int>(ai), it.capped_by, year};
        for (auto& x : ev.items) {
          if (!x.counts() || !x.total_known || !std::binary_search(c.measures.begin(), c.measures.end(), x.measure))
            continue;
          if (c.per == Cap::Per::ApplicantYear && day_year(event_of(ev, s, x).date) != year) continue;
          bool capped = x.status == Status::Capped;
          h.before_min += capped ? x.before_cap_min : x.total_min,
              h.before_max += capped ? x.before_cap_max : x.total_max;
          h.after_min += x.total_min, h.after_max += x.total_max;
        }
        cap_hits.push_back(h);
      }
      sums.clear();
      for (auto& it : ev.items) {
        if (!it.counts() || pools_of[it.measure].empty()) continue;
        int year = day_year(event_of(ev, s, it).date);
        Sum* x = nullptr;
        for (auto& y : sums)
          if (y.measure == it.measure && y.year == year) x = &y;
        if (!x) {
          sums.emplace_back();
          x = &sums.back();
          x->measure = it.measure, x->year = year;
        }
        x->known = x->known && it.total_known;
        // A claim above the whole pool is cut for one applicant's answer; the pool is settled from the claim as made.
        bool cut = it.pooled_by >= 0;
        if (it.total_known)
          x->min += cut ? it.before_pool_min : it.total_min, x->max += cut ? it.before_pool_max : it.total_max;
        x->heads += it.heads;
      }
      bool bad = false;
      for (auto& [clause, yuan] : a.claimed) {
        int mi = measure_index.at(clause);
        const Sum* x = nullptr;
        int years = 0;
        for (auto& y : sums)
          if (y.measure == mi) x = &y, ++years;
        std::string path = "/claimed_yuan/" + pointer_token(clause);
        if (!x) {
          report({"unknown_claim", path, "本申请人没有“" + clause + "”这一项可计入资金池的待遇",
                  "this applicant has no pooled item '" + clause + "'"});
          bad = true;
        } else if (years > 1 || !x->known) {
          report(
              {"ambiguous_claim", path, "“" + clause + "”的待遇分属多个年度或总额未知，请按年度分别申报",
               "the items of '" + clause + "' fall in several years or have no known total: give one claim per year"});
          bad = true;
        } else if (yuan < x->min || yuan > x->max) {
          report({"out_of_range", path,
                  "申报金额必须在 " + std::to_string(x->min) + " 至 " + std::to_string(x->max) + " 元之间",
                  "the claimed amount must be between " + std::to_string(x->min) + " and " + std::to_string(x->max) +
                      " yuan"});
          bad = true;
        }
        if (bad) break;
      }
      if (bad) continue;
      mine.clear();
      for (auto& x : sums) {
        const long long* given = nullptr;
        for (auto& c : a.claimed)
          if (c.first == m.measures[x.measure].id) given = &c.second;
        for (int p : pools_of[x.measure]) {
          std::pair<int, int> key{p, x.year};
          Group& g = groups[key];
          g.pool = key.first, g.year = key.second;
          if (m.pools[key.first].rule != Pool::Rule::Quota && !x.known) {
            g.not_counted.push_back({static_cast<int>(ai), m.measures[x.measure].id});
            continue;
          }
          size_t pos = g.slots.size();
          for (auto& [k, at] : mine)
            if (k == key) pos = at;
          if (pos == g.slots.size()) {
            g.slots.emplace_back();
            g.slots.back().applicant = static_cast<int>(ai);
            mine.push_back({key, pos});
          }
          Slot& sl = g.slots[pos];
          sl.heads += x.heads;
          if (!x.known)
            sl.unknown = true;
          else if (given)
            sl.claimed += *given, sl.given = true;
          else
            sl.claimed += x.max, sl.upper_bound = sl.upper_bound || x.min != x.max;
        }
      }
    }

    // 3. Settle each pool's year.
    std::vector<const Group*> order;
    for (auto& [k, g] : groups) order.push_back(&g);
    std::stable_sort(order.begin(), order.end(), [&](const Group* a, const Group* b) {
      const std::string& ca = m.documents[m.pools[a->pool].doc].city;
      const std::string& cb = m.documents[m.pools[b->pool].doc].city;
      return ca != cb ? ca < cb : a->year != b->year ? a->year < b->year : a->pool < b->pool;
    });
    struct Sums {
      long long claimed = 0, allocated = 0;
      std::vector<std::pair<std::string, long long>> payers;
      void add(const std::string& who, long long y) {
        for (auto& p : payers)
          if (p.first == who) return void(p.second += y);
        payers.push_back({who, y});
      }
    };
    Sums grand;
    std::vector<Sums> per_app(apps.size());
    std::vector<char> in_money_pool(apps.size(), 0);
    std::string out;
    out.reserve(256 + claims.size() * 200);
    ojson method = {
        {"zh",
         "金额取整到元，采用最大余额法：每个申请人先得精确份额的整数部分，余下的元按小数部分从大到小逐一分配（小数部分"
         "相同的按申报顺序），"
         "各份合计与预算分毫不差；各付款方的分担同样按最大余额法取整。全部为整数运算。"},
        {"en",
         "Whole yuan by the largest-remainder method: each applicant first gets the whole part of its exact share, the "
         "yuan left over go one each to the largest fractional parts (ties in the order the claims were given), so the "
         "parts add up to the budget exactly; the payers' split is rounded the same way. Integer arithmetic "
         "throughout."}};
    auto dump = [](const ojson& j) { return j.dump(-1, ' ', false, ojson::error_handler_t::replace); };
    // The answer is written straight into `out`, part by part: the lists of applicants may be large.
    out += "{\"ok\":true,\"rules_version\":";
    quoted(out, m.version);
    out += ",\"method\":" + dump(method);
    out += ",\"pools\":[";
    const size_t pools_at = out.size();
    for (const Group* g : order) {
      const Pool& pl = m.pools[g->pool];
      const Document& d = m.documents[pl.doc];
      ojson o;
      o["pool_id"] = pl.id;
      o["document"] = d.number;
      o["document_id"] = d.id;
      o["clause"] = pl.clause;
      o["quote"] = pl.quote;
      o["city"] = d.city;
      o["year"] = g->year;
      o["rule"] = rule_name(pl.rule);
      ojson measures = ojson::array();
      for (int mi : pl.measures) measures.push_back(m.measures[mi].id);
      o["measures"] = measures;
      ojson notes = ojson::array();
      for (auto& n : pl.notes) notes.push_back(text_json(n));
      std::string list = "[";  // the applicants, written directly: there may be many
      if (pl.rule == Pool::Rule::Quota) {
        long long people = 0;
        for (auto& sl : g->slots) {
          people += sl.heads;
          if (list.size() > 1) list += ',';
          list += "{\"applicant\":";
          quoted(list, apps[sl.applicant].id);
          list += ",\"heads\":" + std::to_string(sl.heads);
          if (!sl.unknown) list += ",\"claimed_yuan\":" + std::to_string(sl.claimed);
          list += '}';
        }
        o["max_people"] = pl.max_people;
        o["people"] = people;
        o["exceeded"] = people > pl.max_people;
        if (people > pl.max_people)
          notes.push_back(
              {{"zh", "申报 " + std::to_string(people) + " 人，超过每年 " + std::to_string(pl.max_people) +
                          " 名的名额；由主管部门遴选，本计算不选择人员，各项待遇按申报列出。"},
               {"en",
                std::to_string(people) + " people claim, above the quota of " + std::to_string(pl.max_people) +
                    " a year; the bureau selects, this calculation chooses no one and lists every claim as made."}});
      } else {
        std::vector<long long> claimed;
        claimed.reserve(g->slots.size());
        long long total = 0;
        for (auto& sl : g->slots) claimed.push_back(sl.claimed), total += sl.claimed;
        bool full = total <= pl.budget_yuan;
        std::vector<long long> alloc = full ? claimed : apportion(pl.budget_yuan, claimed);
        const Measure& first = m.measures[pl.measures[0]];
        std::vector<std::pair<long long, long long>> shares;
        for (auto& py : first.payers) shares.push_back(parse_share(py.share));
        auto split = split_payers(alloc, shares);
        long long allocated = 0;
        std::vector<long long> payer_total(shares.size(), 0);
        for (size_t i = 0; i < g->slots.size(); ++i) {
          const Slot& sl = g->slots[i];
          const Applicant& a = apps[sl.applicant];
          allocated += alloc[i];
          if (list.size() > 1) list += ',';
          list += "{\"applicant\":";
          quoted(list, a.id);
          list += ",\"inputs\":[";
          for (size_t k = 0; k < a.inputs.size(); ++k) list += (k ? "," : "") + std::to_string(a.inputs[k] + 1);
          list += "],\"claimed_yuan\":" + std::to_string(sl.claimed);
          list += ",\"claimed_basis\":\"";
          list += sl.given ? "given" : sl.upper_bound ? "upper_bound" : "stated";
          list += "\",\"allocated_yuan\":" + std::to_string(alloc[i]) + ",\"payers\":[";
          Sums& pa = per_app[sl.applicant];
          in_money_pool[sl.applicant] = 1;
          pa.claimed += sl.claimed;
          pa.allocated += alloc[i];
          for (size_t k = 0; k < shares.size(); ++k) {
            list += (k ? ",{\"who\":" : "{\"who\":");
            quoted(list, first.payers[k].who);
            list += ",\"yuan\":" + std::to_string(split[i][k]) + "}";
            payer_total[k] += split[i][k];
            pa.add(first.payers[k].who, split[i][k]);
          }
          list += "]}";
        }
        o["budget_yuan"] = pl.budget_yuan;
        o["claimed_yuan"] = total;
        o["allocated_yuan"] = allocated;
        o["paid_in_full"] = full;
        if (full)
          o["ratio"] = nullptr;
        else {
          long long gcd = std::gcd(pl.budget_yuan, total);
          o["ratio"] = {
              {"num", pl.budget_yuan / gcd}, {"den", total / gcd}, {"percent", percent_text(pl.budget_yuan, total)}};
        }
        ojson payers = ojson::array();
        for (size_t k = 0; k < shares.size(); ++k) {
          ojson p = {{"who", first.payers[k].who}, {"share", first.payers[k].share}, {"yuan", payer_total[k]}};
          for (auto& [who, max] : pl.payer_limits)
            if (who == first.payers[k].who) p["max_yuan"] = max, p["within_limit"] = payer_total[k] <= max;
          payers.push_back(p);
          grand.add(first.payers[k].who, payer_total[k]);
        }
        grand.claimed += total;
        grand.allocated += allocated;
        o["payers"] = payers;
        ojson skipped = ojson::array();
        for (auto& [ai, clause] : g->not_counted)
          skipped.push_back({{"applicant", apps[ai].id},
                             {"clause_id", clause},
                             {"zh", "总额未知（期限或金额原文未写明），未计入"},
                             {"en", "no known total (the text states no term or amount): not counted"}});
        if (!skipped.empty()) o["not_counted"] = skipped;
        bool reading = pl.rule == Pool::Rule::CapTotal && !full;
        o["ambiguous"] = reading;
        if (full)
          notes.push_back(
              {{"zh", "申报总额" + yuan_zh(total) + "，不超过" + yuan_zh(pl.budget_yuan) + "，按申报额全额发放。"},
               {"en", "The claims total " + yuan_en(total) + ", no more than " + yuan_en(pl.budget_yuan) +
                          ": paid in full."}});
        else
          notes.push_back(
              {{"zh", "申报总额" + yuan_zh(total) + "，超过" + yuan_zh(pl.budget_yuan) + "，各申请人按 申报额×" +
                          std::to_string(pl.budget_yuan) + "÷" + std::to_string(total) + " 计算（" +
                          percent_text(pl.budget_yuan, total) + "）。" +
                          (reading ? "原文只规定了总额，未规定分配办法：按比例分配是一种理解，由主管部门决定。" : "")},
               {"en", "The claims total " + yuan_en(total) + ", above " + yuan_en(pl.budget_yuan) +
                          ": each gets its claim × " + std::to_string(pl.budget_yuan) + " ÷ " + std::to_string(total) +
                          " (" + percent_text(pl.budget_yuan, total) + ")." +
                          (reading ? " The text states the total only, not how to share it: pro rata is one reading; "
                                     "the bureau decides."
                                   : "")}});
        bool any_upper = false;
        for (auto& sl : g->slots) any_upper = any_upper || (sl.upper_bound && !sl.given);
        if (any_upper)
          notes.push_back({{"zh",
                            "部分申报未写明金额（原文只规定最高额），按最高额计入（claimed_basis: upper_bound）；可在 "
                            "claimed_yuan 中给出核定金额。"},
                           {"en",
                            "Some claims state no amount (the text gives only a maximum): the maximum is counted "
                            "(claimed_basis: upper_bound); give the assessed amount in claimed_yuan."}});
      }
      list += ']';
      o["notes"] = notes;
      std::string head = o.dump(-1, ' ', false, ojson::error_handler_t::replace);
      head.pop_back();  // the closing brace: the applicants follow
      if (out.size() > pools_at) out += ',';
      out += head;
      out += ",\"applicants\":";
      out += list;
      out += '}';
    }
    out += ']';

    out += ",\"applicants\":[";
    const size_t applicants_at = out.size();
    std::string& applicants = out;
    for (size_t ai = 0; ai < apps.size(); ++ai) {
      if (!in_money_pool[ai]) continue;
      const Sums& s = per_app[ai];
      if (out.size() > applicants_at) out += ',';
      applicants += "{\"applicant\":";
      quoted(applicants, apps[ai].id);
      applicants += ",\"claimed_yuan\":" + std::to_string(s.claimed) +
                    ",\"allocated_yuan\":" + std::to_string(s.allocated) + ",\"payers\":[";
      for (size_t k = 0; k < s.payers.size(); ++k) {
        applicants += k ? ",{\"who\":" : "{\"who\":";
        quoted(applicants, s.payers[k].first);
        applicants += ",\"yuan\":" + std::to_string(s.payers[k].second) + "}";
      }
      applicants += "]}";
    }
    applicants += ']';
    ojson caps = ojson::array();
    for (auto& h : cap_hits) {
      const Cap& c = m.caps[h.cap];
      caps.push_back({{"applicant", apps[h.applicant].id},
                      {"cap_id", c.id},
                      {"document", m.documents[c.doc].number},
                      {"clause", c.clause},
                      {"quote", c.quote},
                      {"per", c.per == Cap::Per::ApplicantYear ? "applicant_year" : "applicant"},
                      {"year", c.per == Cap::Per::ApplicantYear ? ojson(h.year) : ojson()},
                      {"max_yuan", c.max_yuan},
                      {"before", {{"min_yuan", h.before_min}, {"max_yuan", h.before_max}}},
                      {"after", {{"min_yuan", h.after_min}, {"max_yuan", h.after_max}}}});
    }
    ojson payer_totals = ojson::array();
    for (auto& [who, y] : grand.payers) payer_totals.push_back({{"who", who}, {"yuan", y}});
    size_t bad_apps = 0;
    for (auto& a : apps) bad_apps += a.bad;
    ojson totals = {{"claimed_yuan", grand.claimed}, {"allocated_yuan", grand.allocated}, {"payers", payer_totals}};
    ojson summary = {
        {"claims", claims.size()},          {"applicants", apps.size()},          {"errors", errors.size()},
        {"claims_skipped", skipped_claims}, {"applicants_with_errors", bad_apps}, {"pools", order.size()}};
    std::stable_sort(errors.begin(), errors.end(), [](const ojson& a, const ojson& b) {
      return a["input"].get<long long>() < b["input"].get<long long>();
    });
    out += ",\"caps\":" + dump(caps);
    out += ",\"totals\":" + dump(totals);
    out += ",\"errors\":" + dump(errors);
    out += ",\"summary\":" + dump(summary) + "}";
    return out;
  } catch (const std::exception& e) {
    return render_error("internal_error", "", std::string("内部错误：") + e.what(),
                        std::string("internal error: ") + e.what());
  }
}

std::string Engine::budget(const std::vector<std::string>& claims, std::string_view today) const {
  return settle_budget(*model_, claims, today);
}

}  // namespace skillcalc
