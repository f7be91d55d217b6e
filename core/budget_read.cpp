// Step 1 of the budget: reading the claims. A claim is a bare situation (named "#n" by its position) or an envelope
// {"id", "situation", "claimed_yuan"}; envelopes with the same id are one applicant, their events merged into one
// situation. A claim at fault is reported and left out; the others go on.
#include <algorithm>

#include "budget_parts.hpp"
#include "names.hpp"
#include "numbers.hpp"
#include "situation.hpp"
#include "strict_json.hpp"

namespace skillcalc::budget {

void Errors::add(int input, const std::string& applicant, const Err& e, const std::vector<int>& skipped) {
  ojson sk = ojson::array();
  for (int k : skipped) sk.push_back(k + 1);
  if (skipped.empty()) sk.push_back(input + 1);
  skipped_claims += sk.size();
  named.insert(name_key(applicant));
  ojson x = {{"input", input + 1}, {"applicant", applicant}};
  std::string city = claims && static_cast<size_t>(input) < claims->size() ? claim_city((*claims)[input]) : "";
  if (!city.empty()) x["city"] = std::move(city);
  x["skipped_inputs"] = std::move(sk);
  x["error"] = {{"code", e.code}, {"path", e.path}, {"zh", e.zh}, {"en", e.en}};
  list.push_back(std::move(x));
}

PoolIndex::PoolIndex(const Model& m) : pools_of(m.measures.size()) {
  for (size_t p = 0; p < m.pools.size(); ++p)
    for (int mi : m.pools[p].measures) pools_of[mi].push_back(static_cast<int>(p));
  for (size_t i = 0; i < m.measures.size(); ++i) measure_index.emplace(m.measures[i].id, static_cast<int>(i));
}

json envelope_situation(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  return j.is_object() && j.contains("situation") ? std::move(j["situation"]) : json::object();
}

std::string claim_city(std::string_view text) {
  if (text.size() > kMaxSituationBytes + 4096 || json_nesting(text) > kMaxDepth + 1) return "";
  const json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (!j.is_object()) return "";
  auto sit = j.find("situation");
  const json& s = sit != j.end() ? *sit : j;
  if (!s.is_object()) return "";
  auto city = s.find("city");
  return city != s.end() && city->is_string() ? city->get<std::string>() : "";
}

namespace {

// What an envelope says besides its situation.
struct Envelope {
  std::string id;
  std::vector<std::pair<std::string, long long>> claimed;  // clause id -> yuan
};

// A claim that names "situation" parsed strictly into `j`; false with `bad` set when it is not a JSON object.
bool parse_envelope(std::string_view text, json& j, Err& bad) {
  if (json_nesting(text) > kMaxDepth + 1) {
    bad = {"too_deep", "", "JSON 嵌套过深（最多 16 层）", "the JSON is nested too deeply (at most 16 levels)"};
    return false;
  }
  JsonFault fault;
  if (!parse_strict(text, j, fault)) {
    bad = {fault.code, fault.path, fault.zh, fault.en};
    return false;
  }
  if (!j.is_object()) {
    bad = {"invalid_json", "", "不是有效的 JSON 对象", "not a valid JSON object"};
    return false;
  }
  return true;
}

// The envelope's claimed_yuan read into `env`; a fault (the last one found) in `bad`.
void read_claimed(const json& claimed, const PoolIndex& ix, Envelope& env, Err& bad) {
  if (!claimed.is_object()) {
    bad = {"wrong_type", "/claimed_yuan", "claimed_yuan 必须是对象", "claimed_yuan must be an object"};
    return;
  }
  for (auto& [k, v] : claimed.items()) {
    // A number, or the number written as text the way the claims CSV and a situation's number fields take it
    // ("30,000", "３００００", "30000.0").
    long long yuan = -1;  // a number that is not whole: out of range below
    if (v.is_number_integer()) yuan = v.get<long long>();
    const bool text = v.is_string();
    if (text && !whole_number(v.get_ref<const std::string&>(), yuan))
      bad = {"wrong_type", "/claimed_yuan/" + pointer_token(k),
             "申报金额必须是数字（整数元），收到的文本“" + v.get<std::string>() + "”不是数字",
             "a claimed amount must be a number (whole yuan); the text '" + v.get<std::string>() + "' is not one"};
    else if (yuan < 0 || yuan > 100000000000LL)
      bad = {"out_of_range", "/claimed_yuan/" + pointer_token(k), "申报金额必须是 0 至 1000 亿之间的整数元",
             "a claimed amount must be whole yuan from 0 to 100,000,000,000"};
    else if (!ix.measure_index.count(k))
      bad = {"unknown_id", "/claimed_yuan/" + pointer_token(k), "未知条款标识“" + k + "”",
             "unknown clause id '" + k + "'"};
    else
      env.claimed.push_back({k, yuan});
  }
}

// An envelope's fields checked and read into `env` (its id "#n" unless it gives one): the last fault found, or none.
Err read_envelope(json& j, const PoolIndex& ix, Envelope& env) {
  Err bad;
  for (auto& [k, v] : j.items())
    if (k != "id" && k != "situation" && k != "claimed_yuan")
      bad = {"unknown_field", "/" + pointer_token(k), "未知字段“" + k + "”", "unknown field '" + k + "'"};
  if (auto it = j.find("id"); it != j.end()) {
    if (!it->is_string() || it->get_ref<const std::string&>().empty() || it->get_ref<const std::string&>().size() > 200)
      bad = {"wrong_type", "/id", "id 必须是 1 至 200 字节的字符串", "id must be a string of 1 to 200 bytes"};
    else if ((env.id = trim_unseen(it->get_ref<const std::string&>())).empty())
      bad = {"wrong_type", "/id", "id 只有空白", "id is only white space"};
  }
  if (auto it = j.find("claimed_yuan"); it != j.end()) read_claimed(*it, ix, env, bad);
  json& sit = j["situation"];
  if (bad.code.empty() && !sit.is_object())
    bad = {"wrong_type", "/situation", "situation 必须是对象", "situation must be an object"};
  if (bad.code.empty() && sit.contains("events") && !sit["events"].is_array())
    bad = {"wrong_type", "/situation/events", "events 必须是数组", "events must be an array"};
  return bad;
}

// Events without an id get one that names their claim, so that ids stay unique once merged.
void name_events(json& s, int input) {
  if (!s.contains("events")) return;
  json& evs = s["events"];
  for (size_t e = 0; e < evs.size(); ++e)
    if (evs[e].is_object() && !evs[e].contains("id"))
      evs[e]["id"] = "c" + std::to_string(input + 1) + "-e" + std::to_string(e + 1);
}

// An event's id as its claim gives it: "" when it gives none, or one that is not a string (the core refuses that).
std::string given_id(const json& ev) {
  if (!ev.is_object()) return "";
  auto id = ev.find("id");
  return id != ev.end() && id->is_string() ? id->get<std::string>() : "";
}

// The applicant's first claim becomes the situation the later ones join.
void start_merge(Applicant& a, const std::vector<std::string>& claims) {
  a.merged = envelope_situation(claims[a.inputs[0]]);
  a.is_merged = true;
  name_events(a.merged, a.inputs[0]);
  if (a.merged.contains("events"))
    for (size_t e = 0; e < a.merged["events"].size(); ++e) {
      a.origin.push_back({a.inputs[0], static_cast<int>(e)});
      a.given_ids.push_back(given_id(a.merged["events"][e]));
    }
}

// Two claims of one applicant agree on everything but their events.
// Where a later claim of an applicant differs from the first in its setting (city, as_of, the applicant's facts), as a
// path under the claim's situation, with both values; an empty path when they agree.
struct Difference {
  std::string path, was, is;
};

Difference setting_difference(const json& into, const json& sit) {
  auto shown = [](const json* v) { return v ? v->dump() : std::string("—"); };
  auto differ = [&](const json& a, const json& b, const std::string& key, const std::string& at) -> Difference {
    auto x = a.find(key), y = b.find(key);
    const json* px = x != a.end() ? &*x : nullptr;
    const json* py = y != b.end() ? &*y : nullptr;
    if ((px == nullptr) != (py == nullptr) || (px && *px != *py)) return {at + "/" + key, shown(px), shown(py)};
    return {};
  };
  for (const char* k : {"city", "as_of"})
    if (Difference d = differ(into, sit, k, ""); !d.path.empty()) return d;
  const json none = json::object();
  const json& ax = into.contains("applicant") ? into["applicant"] : none;
  const json& ay = sit.contains("applicant") ? sit["applicant"] : none;
  if (!ax.is_object() || !ay.is_object()) return differ(into, sit, "applicant", "");
  for (auto& [k, v] : ax.items())
    if (Difference d = differ(ax, ay, k, "/applicant"); !d.path.empty()) return d;
  for (auto& [k, v] : ay.items())
    if (Difference d = differ(ax, ay, k, "/applicant"); !d.path.empty()) return d;
  for (auto& [k, v] : sit.items())
    if (k != "city" && k != "as_of" && k != "applicant" && k != "events") return {"/" + k, "—", v.dump()};
  return {};
}

// Event ids are a claim's own: an event of a later claim whose id an earlier claim of the applicant gave already is
// named after its claim ("c3-e1"), so that separately numbered claims join. The same event (the same id and the
// same facts) in two claims is a claim entered twice: refused, not counted twice.
Err scope_event_ids(const Applicant& a, json& sit, int input) {
  if (!a.merged.contains("events") || !sit.contains("events")) return {};
  const json& had = a.merged["events"];
  auto taken = [&had](const std::string& id) {
    return std::any_of(had.begin(), had.end(), [&id](const json& e) { return given_id(e) == id; });
  };
  json& evs = sit["events"];
  for (size_t e = 0; e < evs.size(); ++e) {
    json& ev = evs[e];
    if (!ev.is_object() || !ev.contains("id") || !ev["id"].is_string()) continue;
    std::string id = ev["id"].get<std::string>();
    for (size_t i = 0; i < a.given_ids.size() && i < had.size(); ++i) {
      if (a.given_ids[i] != id) continue;
      json same = had[i];
      same["id"] = id;
      if (same == ev)
        return {"duplicate_id", "/situation/events/" + std::to_string(e) + "/id",
                "事件“" + id + "”与同一申请人另一条记录中的事件完全相同（重复提交？）",
                "event '" + id + "' is the same as an event of another claim of the same applicant (entered twice?)"};
    }
    if (!taken(id)) continue;
    std::string scoped = "c" + std::to_string(input + 1) + "-" + id;
    while (taken(scoped)) scoped = "c" + std::to_string(input + 1) + "-" + scoped;
    ev["id"] = scoped;
  }
  return {};
}

// Claim `in` of an applicant already read: its events join the earlier situation, which must agree on everything
// else; its claimed amounts add to the earlier ones.
void merge_claim(Applicant& a, int in, json& sit, Envelope& env, const std::vector<std::string>& claims,
                 Errors& errors) {
  const std::string& id = env.id;
  if (!a.envelope) {  // bare situations are named "#n" by position: an envelope may not take that name
    errors.add(in, id,
               {"duplicate_id", "/id", "申请人标识“" + id + "”与另一条记录的编号冲突",
                "applicant id '" + id + "' clashes with another claim's number"});
    return;
  }
  if (a.texts.empty())
    for (int k : a.inputs) a.texts.insert(claims[k]);
  if (a.texts.count(claims[in])) {  // a claim entered twice, whether its events name ids or not
    errors.add(in, id,
               {"duplicate_id", "/id", "与同一申请人“" + id + "”的另一条记录完全相同（重复提交？），未重复计入",
                "the same claim as another of applicant '" + id + "' (entered twice?): not counted twice"});
    return;
  }
  if (!a.is_merged) start_merge(a, claims);
  json& into = a.merged;
  if (Difference d = setting_difference(into, sit); !d.path.empty()) {
    errors.add(in, id,
               {"conflicting_claims", "/situation" + d.path,
                "同一申请人“" + id + "”的各条记录的城市、日期或申请人信息不一致：“" + d.path.substr(1) + "”先前为 " +
                    d.was + "，本条为 " + d.is,
                "the claims of applicant '" + id + "' differ in city, as_of or applicant: '" + d.path.substr(1) +
                    "' was " + d.was + " before, " + d.is + " here"});
    return;
  }
  name_events(sit, in);
  std::vector<std::string> given;
  if (sit.contains("events"))
    for (auto& ev : sit["events"]) given.push_back(given_id(ev));
  Err clash = scope_event_ids(a, sit, in);
  if (!clash.code.empty()) {
    errors.add(in, id, clash);
    return;
  }
  if (sit.contains("events")) {
    if (!into.contains("events")) into["events"] = json::array();
    for (size_t e = 0; e < sit["events"].size(); ++e) {
      into["events"].push_back(std::move(sit["events"][e]));
      a.origin.push_back({in, static_cast<int>(e)});
      a.given_ids.push_back(given[e]);
    }
  }
  for (auto& c : env.claimed) {
    bool added = false;
    for (auto& x : a.claimed)
      if (x.first == c.first) x.second += c.second, added = true;
    if (!added) a.claimed.push_back(c);
  }
  a.inputs.push_back(in);
  a.texts.insert(claims[in]);
}

// The claims, read one by one into applicants.
class Reader {
 public:
  Reader(const std::vector<std::string>& claims, const PoolIndex& ix, Errors& errors)
      : claims_(claims), ix_(ix), errors_(errors) {
    apps_.reserve(claims.size());
  }

  void read(int in) {
    std::string_view text = claims_[in];
    std::string bare_id = "#" + std::to_string(in + 1);
    if (text.size() > kMaxSituationBytes + 4096) {
      errors_.add(in, bare_id,
                  {"too_large", "", "输入过大（最多 256 KiB）", "the input is too large (at most 256 KiB)"});
      return;
    }
    json j;
    bool envelope = text.find("\"situation\"") != std::string_view::npos;
    if (envelope) {
      Err bad;
      if (!parse_envelope(text, j, bad)) return errors_.add(in, bare_id, bad);
      envelope = j.contains("situation");  // not when "situation" occurs only inside a string
    }
    if (!envelope) return add_bare(in, bare_id, text);  // a bare situation: evaluated as given
    Envelope env{bare_id, {}};
    Err bad = read_envelope(j, ix_, env);
    if (!bad.code.empty()) return errors_.add(in, env.id, bad);
    auto found = by_id_.find(name_key(env.id));
    if (found == by_id_.end()) return add_envelope(in, env);
    merge_claim(apps_[found->second], in, j["situation"], env, claims_, errors_);
  }

  // The applicants read, once every claim is: the applicants the errors so far name that none of them is are counted.
  std::vector<Applicant> take() {
    for (auto& key : errors_.named) errors_.unread_applicants += !by_id_.count(key);
    return std::move(apps_);
  }

 private:
  void add_bare(int in, const std::string& id, std::string_view text) {
    Applicant a;
    a.id = id;
    a.inputs = {in};
    a.bare = text;
    by_id_.emplace(name_key(a.id), static_cast<int>(apps_.size()));
    apps_.push_back(std::move(a));
  }

  // An envelope's situation is not kept: it is read again from its claim when evaluated.
  void add_envelope(int in, Envelope& env) {
    Applicant a;
    a.id = env.id;
    a.inputs = {in};
    a.envelope = true;
    a.claimed = std::move(env.claimed);
    by_id_.emplace(name_key(env.id), static_cast<int>(apps_.size()));
    apps_.push_back(std::move(a));
  }

  const std::vector<std::string>& claims_;
  const PoolIndex& ix_;
  Errors& errors_;
  std::vector<Applicant> apps_;
  std::unordered_map<std::string, int> by_id_;
};

}  // namespace

std::vector<Applicant> read_claims(const std::vector<std::string>& claims, const PoolIndex& ix, Errors& errors) {
  Reader r(claims, ix, errors);
  for (size_t i = 0; i < claims.size(); ++i) r.read(static_cast<int>(i));
  return r.take();
}

}  // namespace skillcalc::budget
