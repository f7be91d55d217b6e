// One situation under each city's documents, side by side: every city's result exactly as `evaluate` gives it for
// the situation with that city, plus what only some cities pay (per event) and the facts each city still asks.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "model.hpp"
#include "render.hpp"
#include "situation.hpp"
#include "skillcalc.hpp"
#include "strict_json.hpp"

namespace skillcalc {

namespace {

std::string error_text(const std::string& code, const std::string& path, const std::string& zh, const std::string& en) {
  return render_error(code, path, zh, en);
}

// The cities that have documents, in the order of the rule set.
std::vector<std::string> all_cities(const Model& m) {
  std::vector<std::string> out;
  for (auto& d : m.documents)
    if (out.empty() || out.back() != d.city) out.push_back(d.city);
  return out;
}

// The requested cities: "" means every city with documents; else a JSON array of distinct known city ids.
bool read_cities(const Model& m, std::string_view text, std::vector<std::string>& out, std::string& error) {
  if (text.empty()) {
    out = all_cities(m);
    return true;
  }
  nlohmann::json j;
  JsonFault fault;
  if (!parse_strict(text, j, fault)) {
    error = error_text(fault.code, "/cities" + fault.path, "城市列表不是有效的 JSON：" + fault.zh,
                       "the list of cities is not valid JSON: " + fault.en);
    return false;
  }
  if (!j.is_array() || j.empty()) {
    error = error_text("invalid_input", "/cities", "城市列表应是非空的数组，例如 [\"weihai\",\"yantai\"]",
                       "the cities must be a non-empty array, e.g. [\"weihai\",\"yantai\"]");
    return false;
  }
  for (size_t i = 0; i < j.size(); ++i) {
    std::string path = "/cities/" + std::to_string(i);
    if (!j[i].is_string()) {
      error =
          error_text("invalid_input", path, "城市应是文字，例如 \"weihai\"", "a city must be text, e.g. \"weihai\"");
      return false;
    }
    std::string c = j[i].get<std::string>();
    if (m.docs_of_city(c).empty()) {
      error =
          error_text("unknown_city", path, "没有城市“" + c + "”的政策文件", "no policy documents for city '" + c + "'");
      return false;
    }
    if (std::find(out.begin(), out.end(), c) != out.end()) {
      error = error_text("invalid_input", path, "城市“" + c + "”重复", "the city '" + c + "' is named twice");
      return false;
    }
    out.push_back(c);
  }
  return true;
}

// Whether an item brings money (certain or up to) for anyone: granted or capped, with a sum above 0 or an amount
// the text grants without a figure.
bool pays(const nlohmann::json& item) {
  const std::string status = item.value("status", "");
  if (status != "granted" && status != "capped") return false;
  if (item.contains("amount") && item["amount"].value("kind", "") == "unstated") return true;
  const auto& t = item.contains("total") ? item["total"] : nlohmann::json();
  return t.is_object() && t.value("max_yuan", 0LL) > 0;
}

struct CityView {
  std::set<std::string> paid_events;
  nlohmann::ordered_json missing = nlohmann::ordered_json::array();
};

// What the comparison reads from one city's result: the events it pays for, the facts its items ask.
CityView view_of(const Model& m, const std::string& result, const nlohmann::ordered_json& situation) {
  CityView v;
  // Whether the situation's event `id` gives the field at `path` ("event.hires") for this city: a fact given is not
  // asked again (a yearly item names every event of its year), unless it is bound to a city and asked here again.
  auto gives = [&](const std::string& id, const std::string& path) {
    if (path.rfind("event.", 0) != 0 || !situation.contains("events") || !situation["events"].is_array()) return false;
    const std::string field = path.substr(6);
    for (auto& e : situation["events"]) {
      if (!e.is_object() || e.value("id", "") != id) continue;
      auto et = m.vocab.event_types.find(e.value("type", ""));
      bool bound =
          et != m.vocab.event_types.end() &&
          std::find(et->second.city_bound.begin(), et->second.city_bound.end(), field) != et->second.city_bound.end();
      return !bound && e.contains(field) && !e[field].is_null();
    }
    return false;
  };
  nlohmann::json r = nlohmann::json::parse(result, nullptr, false);
  if (!r.is_object() || !r.value("ok", false) || !r.contains("items")) return v;
  std::set<std::pair<std::string, std::string>> seen;
  std::set<std::string> paying;  // clause ids of items that bring money
  for (auto& item : r["items"])
    if (pays(item)) paying.insert(item.value("clause_id", ""));
  for (auto& item : r["items"]) {
    const auto& ids = item.contains("event_ids") ? item["event_ids"] : nlohmann::json::array();
    if (pays(item))
      for (auto& id : ids) v.paid_events.insert(id.get<std::string>());
    if (!item.contains("missing")) continue;
    for (auto& f : item["missing"])
      for (auto& id : ids) {
        if (gives(id.get<std::string>(), f.value("field", ""))) continue;  // a yearly item's other events
        if (!seen.insert({id.get<std::string>(), f.value("field", "")}).second) {
          // Asked once; named by an item that brings money where one does (not a right beside it).
          const std::string eid = id.get<std::string>(), field = f.value("field", "");
          for (auto& q : v.missing)
            if (q["event_id"].get<std::string>() == eid && q["field"].get<std::string>() == field && pays(item) &&
                !paying.count(q["clause_id"].get<std::string>()))
              q["clause_id"] = item.value("clause_id", "");
          continue;
        }
        v.missing.push_back({{"event_id", id},
                             {"field", f.value("field", "")},
                             {"zh", f.value("zh", "")},
                             {"en", f.value("en", "")},
                             {"clause_id", item.value("clause_id", "")}});
      }
  }
  return v;
}

// Per event id, the cities that pay for it when some of the compared cities do not.
nlohmann::ordered_json only_in(const std::vector<std::string>& cities, const std::vector<CityView>& views,
                               const nlohmann::ordered_json& situation) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (!situation.contains("events") || !situation["events"].is_array()) return out;
  const auto& events = situation["events"];
  for (size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    // An event without an id is named as evaluate names it: e1, e2, … by its place.
    std::string id = e.is_object() && e.contains("id") && e["id"].is_string() ? e["id"].get<std::string>()
                                                                              : "e" + std::to_string(i + 1);
    nlohmann::ordered_json payers = nlohmann::ordered_json::array();
    for (size_t c = 0; c < cities.size(); ++c)
      if (views[c].paid_events.count(id)) payers.push_back(cities[c]);
    if (!payers.empty() && payers.size() < cities.size()) out[id] = payers;
  }
  return out;
}

// What an event bound to one city is, in words: a contest, a title, a platform, or the event type itself.
Text kind_words(const std::string& field) {
  if (field == "tier") return {"竞赛", "contest"};
  if (field == "title" || field == "talent") return {"称号", "title"};
  if (field == "platform" || field == "level") return {"平台", "platform"};
  return {"事项", "event"};
}

// The city an event belongs to, when it is one city's own (vocabulary: a value with "city_bound" or "city", an event
// type with "city_bound"): its city ("" for none) and the words for what it is.
std::string owner_of(const Model& m, const nlohmann::ordered_json& e, const std::string& home, Text& what) {
  if (!e.is_object() || !e.contains("type") || !e["type"].is_string()) return "";
  auto et = m.vocab.event_types.find(e["type"].get<std::string>());
  if (et == m.vocab.event_types.end()) return "";
  if (et->second.own_city) {
    Text k = kind_words("");
    what = {k.zh + "（" + et->second.label.zh + "）", k.en + " (" + et->second.label.en + ")"};
    return home;
  }
  auto is_enum = [&](const std::string& field) {  // ids only: a free text (a contest's name) names no city
    for (auto& [name, def] : et->second.fields)
      if (name == field) return m.vocab.fields.at(def).type == FieldDef::Type::Enum;
    return false;
  };
  for (auto& [field, v] : e.items()) {
    if (!v.is_string() || !is_enum(field)) continue;
    auto owner = m.vocab.value_city.find(v.get<std::string>());
    if (owner == m.vocab.value_city.end()) continue;
    const Text* label = m.vocab.label(owner->first);
    Text k = kind_words(field);
    what = {k.zh + "（" + (label ? label->zh : owner->first) + "）",
            k.en + " (" + (label ? label->en : owner->first) + ")"};
    return owner->second.empty() ? home : owner->second;
  }
  return "";
}

// The situation for `city`. In a city other than the home one, the city-bound facts describe the home city and are
// asked there ("home_city", city_bound.hpp); and an event that is one city's own (技能兴威, a 市级一类 contest, a
// city's title or platform) is left out of the other cities (every event keeping the id evaluate gives it) and listed
// in `left_out`: under another city's documents it would be paid as that city's own (YT24 (八) 市级最高1万元).
nlohmann::ordered_json for_city(const Model& m, const nlohmann::ordered_json& s, const std::string& home,
                                const std::string& city, nlohmann::ordered_json& left_out) {
  nlohmann::ordered_json out = s;
  out["city"] = city;
  if (home.empty() || home == city) return out;
  out["home_city"] = home;
  if (!s.contains("events") || !s["events"].is_array()) return out;
  nlohmann::ordered_json kept = nlohmann::ordered_json::array();
  const auto& events = s["events"];
  for (size_t i = 0; i < events.size(); ++i) {
    nlohmann::ordered_json e = events[i];
    Text what;
    std::string owner = owner_of(m, e, home, what);
    if (e.is_object() && !e.contains("id")) e["id"] = "e" + std::to_string(i + 1);
    if (owner.empty() || owner == city) {
      kept.push_back(std::move(e));
      continue;
    }
    const Text& from = m.vocab.cities.at(owner);
    const Text& to = m.vocab.cities.at(city);
    std::string kind_zh = what.zh.substr(0, what.zh.find("（")), kind_en = what.en.substr(0, what.en.find(" ("));
    left_out.push_back(
        {{"event_id", e["id"]},
         {"zh", "这是" + from.zh + "本市的" + what.zh + "，不作为" + to.zh + "的" + kind_zh + "计算"},
         {"en", "a " + what.en + " of " + from.en + "'s own, not counted as a " + kind_en + " of " + to.en}});
  }
  if (left_out.empty()) return out;
  out["events"] = std::move(kept);
  return out;
}

// The city whose facts the situation gives: its home_city, else its city, when it has documents.
std::string home_city(const Model& m, const nlohmann::ordered_json& s) {
  for (const char* key : {"home_city", "city"})
    if (s.contains(key) && s[key].is_string()) {
      std::string c = s[key].get<std::string>();
      return m.docs_of_city(c).empty() ? "" : c;
    }
  return "";
}

}  // namespace

std::string Engine::compare(std::string_view situation, std::string_view cities_json, std::string_view today) const {
  try {
    if (situation.size() > kMaxSituationBytes)
      return evaluate(situation, today);  // the same too_large refusal as evaluate
    if (empty_text(situation)) {          // as evaluate says it
      InputError e = empty_input_error();
      return error_text(e.code, e.path, e.zh, e.en);
    }
    nlohmann::json strict;
    JsonFault fault;
    if (!parse_strict(situation, strict, fault)) return error_text(fault.code, fault.path, fault.zh, fault.en);
    auto s = nlohmann::ordered_json::parse(situation);  // the user's key order, so that errors come in its order
    if (!s.is_object())
      return error_text("invalid_input", "", "情况应是一个 JSON 对象", "the situation must be a JSON object");
    std::vector<std::string> cities;
    std::string error;
    if (!read_cities(*model_, cities_json, cities, error)) return error;
    const std::string home = home_city(*model_, s);
    std::vector<std::string> results;
    std::vector<CityView> views;
    nlohmann::ordered_json not_carried = nlohmann::ordered_json::object();
    for (auto& c : cities) {
      nlohmann::ordered_json left_out = nlohmann::ordered_json::array();
      nlohmann::ordered_json here = for_city(*model_, s, home, c, left_out);
      results.push_back(evaluate(here.dump(), today));
      views.push_back(view_of(*model_, results.back(), here));
      if (!left_out.empty()) not_carried[c] = std::move(left_out);
    }
    // The situation is wrong everywhere alike: say so once, as evaluate would.
    bool all_same_error = results[0].compare(0, 11, "{\"ok\":false") == 0;
    for (auto& r : results) all_same_error = all_same_error && r == results[0];
    if (all_same_error) return results[0];
    std::string out = "{\"ok\":true,\"cities\":[";
    for (size_t i = 0; i < cities.size(); ++i)
      out += std::string(i ? "," : "") + "{\"city\":" + nlohmann::json(cities[i]).dump() + ",\"result\":" + results[i] +
             "}";
    nlohmann::ordered_json missing = nlohmann::ordered_json::object();
    for (size_t i = 0; i < cities.size(); ++i) missing[cities[i]] = views[i].missing;
    out += "],\"only_in\":" + only_in(cities, views, s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += ",\"missing\":" + missing.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += ",\"not_carried\":" + not_carried.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "}";
    return out;
  } catch (const std::exception& e) {
    return render_error("internal_error", "", std::string("内部错误：") + e.what(),
                        std::string("internal error: ") + e.what());
  }
}

}  // namespace skillcalc
