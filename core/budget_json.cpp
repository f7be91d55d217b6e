// Step 4 of the budget: writing the answer (README "Budget"): per pool and year what it is, what was claimed and
// allocated and by whom it is paid, with notes in Chinese and English; then each applicant over all pools, the caps
// that bit, the totals, the errors and a summary. The lists of applicants may be large: they are written straight into
// the text, the rest through ordered JSON.
#include <algorithm>
#include <cstdio>
#include <numeric>

#include "budget_parts.hpp"
#include "money.hpp"

namespace skillcalc::budget {

namespace {

using i128 = __int128;

// JSON text of a string (inputs are valid UTF-8: they come from parsed JSON or the rule files). Runs of characters
// that need no escape are copied whole.
void quoted(std::string& o, std::string_view s) {
  o += '"';
  size_t plain = 0;  // where the run of characters copied as they are begins
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    o.append(s.data() + plain, i - plain);
    plain = i + 1;
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
      default: {
        char b[8];
        snprintf(b, sizeof b, "\\u%04x", c);
        o += b;
      }
    }
  }
  o.append(s.data() + plain, s.size() - plain);
  o += '"';
}

std::string dump(const ojson& j) {
  return j.dump(-1, ' ', false, ojson::error_handler_t::replace);
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

const ojson& method() {
  static const ojson text = {
      {"zh",
       "金额取整到元，采用最大余额法：每个申请人先得精确份额的整数部分，余下的元按小数部分从大到小逐一分配（小数部分"
       "相同的按申报顺序），"
       "各份合计与预算分毫不差；各付款方的分担同样按最大余额法取整。全部为整数运算。"},
      {"en",
       "Whole yuan by the largest-remainder method: each applicant first gets the whole part of its exact share, the "
       "yuan left over go one each to the largest fractional parts (ties in the order the claims were given), so the "
       "parts add up to the budget exactly; the payers' split is rounded the same way. Integer arithmetic "
       "throughout."}};
  return text;
}

// What a pool is: its id, text, city, year, rule and measures.
ojson pool_head(const Model& m, const Group& g) {
  const Pool& pl = m.pools[g.pool];
  const Document& d = m.documents[pl.doc];
  ojson o;
  o["pool_id"] = pl.id;
  o["document"] = d.number;
  o["document_id"] = d.id;
  o["clause"] = pl.clause;
  o["quote"] = pl.quote;
  o["city"] = d.city;
  o["year"] = g.year;
  o["rule"] = rule_name(pl.rule);
  ojson measures = ojson::array();
  for (int mi : pl.measures) measures.push_back(m.measures[mi].id);
  o["measures"] = measures;
  return o;
}

// A quota's year: its people counted against the quota, every claim listed as made.
void write_quota(const Pool& pl, const Group& g, const std::vector<Applicant>& apps, Tally& tally, ojson& o,
                 ojson& notes, std::string& list) {
  long long people = 0;
  for (auto& sl : g.slots) {
    auto& mine = tally.quotas[static_cast<size_t>(sl.applicant)];
    if (std::find(mine.begin(), mine.end(), pl.id) == mine.end()) mine.push_back(pl.id);
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
         {"en", std::to_string(people) + " people claim, above the quota of " + std::to_string(pl.max_people) +
                    " a year; the bureau selects, this calculation chooses no one and lists every claim as made."}});
}

// A money pool's applicants: each claim, its basis, its allocation and each payer's part.
// A claim whose share fell below what 就高 gives it under another item: that item pays it instead.
void write_paid_instead(const Model& m, const Slot& sl, std::string& list) {
  const std::string& id = m.measures[static_cast<size_t>(sl.floor_measure)].id;
  list += ",\"withdrawn_yuan\":" + std::to_string(sl.claimed) + ",\"paid_instead\":{\"clause_id\":";
  quoted(list, id);
  list += ",\"min_yuan\":" + std::to_string(sl.floor) + ",\"zh\":";
  quoted(list, "按“就高不重复”，本池按比例的份额低于“" + id + "”至少应得的" + std::to_string(sl.floor) +
                   "元，改由该项发放，不从本资金池支付；本池按其余申报计算比例");
  list += ",\"en\":";
  quoted(
      list,
      "by 就高不重复, this claim's pro-rata share is below the " + std::to_string(sl.floor) + " yuan '" + id +
          "' gives at least, so that item pays it instead, not this pool; the pool is shared among the other claims");
  list += '}';
}

// Whether a claim's maximum was counted for want of an assessed amount (its allocation an upper bound).
bool upper_bound_counted(const Slot& sl) {
  return sl.upper_bound && !sl.given;
}

void write_allocations(const Model& m, const Measure& first, const Group& g, const Settlement& s,
                       const std::vector<Applicant>& apps, std::string& list) {
  // A pool cut pro rata whose claims include maxima counted: every share moves once those are assessed.
  const bool shares_open = !s.full && std::any_of(g.slots.begin(), g.slots.end(), upper_bound_counted);
  for (size_t i = 0; i < g.slots.size(); ++i) {
    const Slot& sl = g.slots[i];
    const Applicant& a = apps[sl.applicant];
    if (list.size() > 1) list += ',';
    list += "{\"applicant\":";
    quoted(list, a.id);
    list += ",\"inputs\":[";
    for (size_t k = 0; k < a.inputs.size(); ++k) list += (k ? "," : "") + std::to_string(a.inputs[k] + 1);
    list += "],\"claimed_yuan\":" + std::to_string(s.left[i] ? 0 : sl.claimed);
    if (s.left[i]) write_paid_instead(m, sl, list);
    list += ",\"claimed_basis\":\"";
    list += sl.given ? "given" : sl.upper_bound ? "upper_bound" : "stated";
    list += '"';
    // A maximum counted for a claim nobody has assessed: its allocation is an upper bound, not an amount to pay.
    if (upper_bound_counted(sl) && !s.left[i]) list += ",\"provisional\":true";
    // …and an assessed claim's share where maxima beside it cut the pool: larger once they are assessed lower (a claim
    // whose share fell below its floor and went to another item may then be paid from the pool after all).
    else if (shares_open)
      list += ",\"provisional\":true,\"provisional_share\":true";
    list += ",\"allocated_yuan\":" + std::to_string(s.alloc[i]) + ",\"payers\":[";
    for (size_t k = 0; k < s.shares.size(); ++k) {
      list += (k ? ",{\"who\":" : "{\"who\":");
      quoted(list, first.payers[k].who);
      list += ",\"yuan\":" + std::to_string(s.split[i][k]) + "}";
    }
    list += "]}";
  }
}

// Each payer's total, with its own yearly limit where the text gives one.
ojson payer_totals(const Pool& pl, const Measure& first, const Settlement& s) {
  ojson payers = ojson::array();
  for (size_t k = 0; k < s.shares.size(); ++k) {
    ojson p = {{"who", first.payers[k].who}, {"share", first.payers[k].share}, {"yuan", s.payer_total[k]}};
    for (auto& [who, max] : pl.payer_limits)
      if (who == first.payers[k].who) p["max_yuan"] = max, p["within_limit"] = s.payer_total[k] <= max;
    payers.push_back(p);
  }
  return payers;
}

// How a money pool's year was settled, in words: in full, or pro rata (and whether the text says so); and whether
// maxima were counted for claims that state no amount.
void settlement_notes(const Pool& pl, const Group& g, const Settlement& s, ojson& notes) {
  const long long total = s.total;
  const bool reading = pl.rule == Pool::Rule::CapTotal && !s.full;
  if (s.full)
    notes.push_back(
        {{"zh", "申报总额" + yuan_zh(total) + "，不超过" + yuan_zh(pl.budget_yuan) + "，按申报额全额发放。"},
         {"en",
          "The claims total " + yuan_en(total) + ", no more than " + yuan_en(pl.budget_yuan) + ": paid in full."}});
  else
    notes.push_back(
        {{"zh", "申报总额" + yuan_zh(total) + "，超过" + yuan_zh(pl.budget_yuan) + "，各申请人按 申报额×" +
                    std::to_string(pl.budget_yuan) + "÷" + std::to_string(total) + " 计算（" +
                    percent_text(pl.budget_yuan, total) + "）。" +
                    (reading ? "原文只规定了总额，未规定分配办法：按比例分配是一种理解，由主管部门决定。" : "")},
         {"en", "The claims total " + yuan_en(total) + ", above " + yuan_en(pl.budget_yuan) +
                    ": each gets its claim × " + std::to_string(pl.budget_yuan) + " ÷ " + std::to_string(total) + " (" +
                    percent_text(pl.budget_yuan, total) + ")." +
                    (reading ? " The text states the total only, not how to share it: pro rata is one reading; "
                               "the bureau decides."
                             : "")}});
  bool any_upper = false;
  for (auto& sl : g.slots) any_upper = any_upper || (sl.upper_bound && !sl.given);
  if (any_upper)
    notes.push_back(
        {{"zh",
          "部分申报未写明金额（原文只规定最高额），按最高额计入（claimed_basis: upper_bound）：其分配额只是"
          "上限（provisional），不能直接据以发放，核定后按核定额发放；可在 claimed_yuan 中给出核定金额后重新结算。"},
         {"en",
          "Some claims state no amount (the text gives only a maximum): the maximum is counted "
          "(claimed_basis: upper_bound), so their allocations are upper bounds (provisional), not amounts "
          "to pay: pay what is assessed; give the assessed amount in claimed_yuan and settle again."}});
  // Maxima that push the year over its total cut every claim's share by more than the assessed amounts may.
  if (any_upper && !s.full)
    notes.push_back({{"zh",
                      "申报总额超过总额，其中包括按最高额计入的申报：这些申报核定后可能较少，其他申请人的份额随之增加，"
                      "所以本结算的分配额只是暂定，请给出核定金额后重新结算，再据以发放。"},
                     {"en",
                      "The claims exceed the total and include maxima counted for claims with no amount: assessed, "
                      "those may be less and every other share larger, so these allocations are provisional; give "
                      "the assessed amounts and settle again before paying from them."}});
  size_t left = static_cast<size_t>(std::count(s.left.begin(), s.left.end(), 1));
  if (left)
    notes.push_back(
        {{"zh", std::to_string(left) +
                    " 份申报按比例的份额低于按“就高不重复”由另一项目至少应得的金额，改由该项目发放（见其 "
                    "paid_instead），不从本资金池支付，本池按其余申报计算比例；原文未规定资金池比例与就高的"
                    "先后，这是本计算的理解。"},
         {"en", std::to_string(left) +
                    " claims' pro-rata shares fell below what another item gives them at least under "
                    "就高不重复: that item pays them instead (paid_instead), not this pool, and the pool is "
                    "shared among the other claims; the text does not say which comes first, so this is "
                    "a reading."}});
}

// A money pool's year: settled, tallied, and its figures, payers, items not counted and notes written.
void write_money_pool(const Model& m, const Group& g, const std::vector<Applicant>& apps, Tally& tally, ojson& o,
                      ojson& notes, std::string& list) {
  const Pool& pl = m.pools[g.pool];
  const Measure& first = m.measures[pl.measures[0]];
  const Settlement s = settle_pool(m, g);
  tally_pool(m, g, s, tally);
  write_allocations(m, first, g, s, apps, list);
  o["budget_yuan"] = pl.budget_yuan;
  o["claimed_yuan"] = s.total;
  o["allocated_yuan"] = s.allocated;
  o["paid_in_full"] = s.full;
  o["provisional"] = std::any_of(g.slots.begin(), g.slots.end(), upper_bound_counted);
  const bool shares_open = !s.full && o["provisional"].get<bool>();
  for (size_t i = 0; i < g.slots.size(); ++i)
    if (shares_open || (!s.left[i] && upper_bound_counted(g.slots[i])))
      tally.provisional[static_cast<size_t>(g.slots[i].applicant)] = 1, tally.any_provisional = true;
  if (s.full)
    o["ratio"] = nullptr;
  else {
    long long gcd = std::gcd(pl.budget_yuan, s.total);
    o["ratio"] = {
        {"num", pl.budget_yuan / gcd}, {"den", s.total / gcd}, {"percent", percent_text(pl.budget_yuan, s.total)}};
  }
  o["payers"] = payer_totals(pl, first, s);
  ojson skipped = ojson::array();
  for (auto& n : g.not_counted)
    skipped.push_back(
        {{"applicant", apps[n.applicant].id},
         {"clause_id", n.clause},
         {"zh", n.planned ? "事件日期晚于申报的测算日期，尚未发生，不是当年的申报，未计入（发生后再申报）"
                          : "总额未知（期限或金额原文未写明），未计入"},
         {"en", n.planned ? "its event is dated after the claim's as_of and has not happened: not a claim of the year, "
                            "not counted (claim it once it has)"
                          : "no known total (the text states no term or amount): not counted"}});
  if (!skipped.empty()) o["not_counted"] = skipped;
  o["ambiguous"] = pl.rule == Pool::Rule::CapTotal && !s.full;
  settlement_notes(pl, g, s, notes);
}

// A pool's year, appended to `out`: its head, figures and notes, then its applicants.
void write_pool(const Model& m, const Group& g, const std::vector<Applicant>& apps, Tally& tally, std::string& out) {
  const Pool& pl = m.pools[g.pool];
  ojson o = pool_head(m, g);
  ojson notes = ojson::array();
  for (auto& n : pl.notes) notes.push_back(text_json(n));
  std::string list = "[";  // the applicants, written directly: there may be many
  if (pl.rule == Pool::Rule::Quota)
    write_quota(pl, g, apps, tally, o, notes, list);
  else
    write_money_pool(m, g, apps, tally, o, notes, list);
  list += ']';
  o["notes"] = notes;
  std::string head = dump(o);
  head.pop_back();  // the closing brace: the applicants follow
  out += head;
  out += ",\"applicants\":";
  out += list;
  out += '}';
}

// The applicant's name and city, as an entry of `applicants` begins.
void name_and_city(const Applicant& a, std::string& out) {
  out += "{\"applicant\":";
  quoted(out, a.id);
  if (!a.city) return;
  out += ",\"city\":";
  quoted(out, *a.city);
}

// An applicant that counts towards no pool: 0 claimed and allocated, and why (budget_group.cpp unpooled_reason).
void write_unpooled(const Applicant& a, const Unpooled& u, std::string& out) {
  name_and_city(a, out);
  out += ",\"claimed_yuan\":0,\"allocated_yuan\":0,\"payers\":[],\"not_counted\":{\"zh\":";
  quoted(out, u.zh);
  out += ",\"en\":";
  quoted(out, u.en);
  out += "}}";
}

// An applicant that counts in quotas of people alone: no money is shared there, so 0 claimed and allocated, the
// quotas named (their claims are listed in each quota's pool).
void write_quota_only(const Applicant& a, const std::vector<std::string>& quotas, std::string& out) {
  std::string names;
  for (auto& q : quotas) names += (names.empty() ? "" : "、") + q;
  name_and_city(a, out);
  out += ",\"claimed_yuan\":0,\"allocated_yuan\":0,\"payers\":[],\"in_quota\":" + dump(ojson(quotas));
  out += ",\"not_counted\":{\"zh\":";
  quoted(out, "只计入人数名额（" + names + "）：名额按人数计，不分配资金；所申报的金额列在该名额下");
  out += ",\"en\":";
  quoted(out, "counts only in quotas of people (" + names +
                  "): a quota counts people and shares no money; the amounts claimed are listed under the quota");
  out += "}}";
}

// Each applicant of a money pool, over all pools: claimed, allocated, and each payer's part; then, in their place, the
// applicants that count towards no pool, with the reason.
void write_applicants(const std::vector<Applicant>& apps, const Tally& tally, const std::vector<Unpooled>& unpooled,
                      std::string& out) {
  out += ",\"applicants\":[";
  const size_t applicants_at = out.size();
  size_t next_unpooled = 0;
  for (size_t ai = 0; ai < apps.size(); ++ai) {
    if (next_unpooled < unpooled.size() && unpooled[next_unpooled].applicant == static_cast<int>(ai)) {
      if (out.size() > applicants_at) out += ',';
      write_unpooled(apps[ai], unpooled[next_unpooled++], out);
      continue;
    }
    if (!tally.in_money_pool[ai] && !tally.quotas[ai].empty()) {
      if (out.size() > applicants_at) out += ',';
      write_quota_only(apps[ai], tally.quotas[ai], out);
      continue;
    }
    if (!tally.in_money_pool[ai]) continue;
    const Sums& s = tally.per_app[ai];
    if (out.size() > applicants_at) out += ',';
    out += "{\"applicant\":";
    quoted(out, apps[ai].id);
    out += ",\"claimed_yuan\":" + std::to_string(s.claimed) + ",\"allocated_yuan\":" + std::to_string(s.allocated);
    if (tally.provisional[ai]) out += ",\"provisional\":true";  // not to pay from before the claims are assessed
    out += ",\"payers\":[";
    for (size_t k = 0; k < s.payers.size(); ++k) {
      out += k ? ",{\"who\":" : "{\"who\":";
      quoted(out, s.payers[k].first);
      out += ",\"yuan\":" + std::to_string(s.payers[k].second) + "}";
    }
    out += "]}";
  }
  out += ']';
}

// The caps per applicant that bit, with the applicant's items of each before and after it.
ojson caps_json(const Model& m, const std::vector<Applicant>& apps, const std::vector<CapHit>& cap_hits) {
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
  return caps;
}

ojson totals_json(const Sums& grand) {
  ojson payers = ojson::array();
  for (auto& [who, y] : grand.payers) payers.push_back({{"who", who}, {"yuan", y}});
  return {{"claimed_yuan", grand.claimed}, {"allocated_yuan", grand.allocated}, {"payers", payers}};
}

}  // namespace

std::string write_settlement(const Model& m, size_t claims, const std::vector<Applicant>& apps, const Gathered& g,
                             Errors& errors) {
  const std::vector<const Group*> order = pool_order(m, g.groups);
  Tally tally(apps.size());
  std::string out;
  out.reserve(256 + claims * 200);
  out += "{\"ok\":true,\"rules_version\":";
  quoted(out, m.version);
  out += ",\"method\":" + dump(method());
  out += ",\"pools\":[";
  for (size_t k = 0; k < order.size(); ++k) {
    if (k) out += ',';
    write_pool(m, *order[k], apps, tally, out);
  }
  out += ']';
  write_applicants(apps, tally, g.unpooled, out);
  ojson summary = {{"claims", claims},
                   // every applicant given, those whose every claim was refused as well
                   {"applicants", apps.size() + errors.unread_applicants},
                   {"errors", errors.list.size()},
                   {"claims_skipped", errors.skipped_claims},
                   {"applicants_with_errors", errors.named.size()},
                   {"applicants_not_pooled", g.unpooled.size()},
                   {"pools", order.size()},
                   // false: an input was left out, so a pool's shares may change once it is fixed and settled again
                   {"complete", errors.list.empty()},
                   // true: an allocation rests on a maximum counted for a claim not assessed (README "budget")
                   {"provisional", tally.any_provisional}};
  std::stable_sort(errors.list.begin(), errors.list.end(), [](const ojson& a, const ojson& b) {
    return a["input"].get<long long>() < b["input"].get<long long>();
  });
  out += ",\"caps\":" + dump(caps_json(m, apps, g.cap_hits));
  out += ",\"totals\":" + dump(totals_json(tally.grand));
  out += ",\"errors\":" + dump(errors.list);
  out += ",\"summary\":" + dump(summary) + "}";
  return out;
}

}  // namespace skillcalc::budget
