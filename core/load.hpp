// Turning rule JSON into the Model, with every problem reported against its file and JSON pointer.
#pragma once
#include <algorithm>
#include <nlohmann/json.hpp>

#include "model.hpp"
#include "problems.hpp"

namespace skillcalc {

using json = nlohmann::json;

class Reader {
 public:
  Reader(Problems& p, std::string file) : problems_(p), file_(std::move(file)) {}
  void bad(const std::string& path, const std::string& code, const std::string& zh, const std::string& en) {
    problems_.add(file_, path, code, zh, en);
  }
  std::string str(const json& o, const std::string& path, const char* key, bool required = true);
  long long integer(const json& o, const std::string& path, const char* key);
  long long integer(const json& o, const std::string& path, const char* key, long long fallback);
  Text text(const json& o, const std::string& path, bool required = true);
  std::vector<std::string> strings(const json& a, const std::string& path);
  unsigned kinds(const json& a, const std::string& path, const Vocabulary& v);

  void vocabulary(const json& j, Vocabulary& v, bool base);
  bool flag(const json& o, const std::string& path, const char* name);
  void value_cities(const json& j, Vocabulary& v);
  void check_vocabulary(const Vocabulary& v);
  // One rules.json: its document, measures, stacking rules and caps appended to the model.
  void rules(const json& j, Model& m, const std::string& folder);

 private:
  Path path_of(const json& j, const std::string& where, const Model& m, const std::string& event);
  std::vector<Condition> conditions(const json& j, const std::string& where, const Model& m, const std::string& event);
  std::vector<Path> paths(const json& j, const std::string& where, const Model& m, const std::string& event);
  Amount amount(const json& j, const std::string& where, const Model& m, const std::string& event);
  void measure(const json& j, const std::string& where, Model& m, int doc);
  void money(const json& j, const std::string& where, const Model& m, Measure& x);
  Schedule schedule(const json& s, const std::string& where, const Model& m, const std::string& event);
  std::vector<Payer> payers(const json& ps, const std::string& where, const Model& m);
  void words(const json& j, const std::string& where, const Model& m, Measure& x);
  void also_event(const json& j, const std::string& where, const Model& m, Measure& x);
  std::vector<std::string> medal_titles(const json& j, const std::string& where, const Model& m);
  std::vector<std::vector<std::pair<std::string, std::string>>> result_levels(const json& j, const std::string& where,
                                                                              const Model& m);
  std::vector<int> measure_refs(const json& j, const std::string& where, const Model& m, int doc, bool monetary_only);
  Problems& problems_;
  std::string file_;
};

// The JSON pointer of entry i of a per-document list (measures, caps, stacking, pools): its place in its own file.
template <class T>
std::vector<size_t> own_index(const std::vector<T>& all) {  // each entry's index among its document's own
  std::vector<size_t> own(all.size()), next;
  for (size_t i = 0; i < all.size(); ++i) {
    size_t d = static_cast<size_t>(all[i].doc < 0 ? 0 : all[i].doc);
    if (d >= next.size()) next.resize(d + 1, 0);
    own[i] = next[d]++;
  }
  return own;
}
// The pointer of entry i in its own rule file, from own_index() computed once (loading stays linear in entries).
inline std::string pointer_in_file(const char* list, const std::vector<size_t>& own, size_t i) {
  return std::string("/") + list + "/" + std::to_string(own[i]);
}

// "1/2" -> {1,2}; {0,0} when the text is not a fraction in (0,1].
std::pair<long long, long long> parse_share(const std::string& s);

// Applicant kinds are the bits of an unsigned.
constexpr int kMaxKinds = 32;

// The definition of the field a path names (for an event path, in event type `event`); null when none.
const FieldDef* def_of(const Model& m, const Path& p, const std::string& event);

// After every file is read: cross-document references (supersedes, stacking `also`) linked (link.cpp), then
// verify_links and verify_figures.
void link_and_verify(Model& m, Problems& p);
// Checks across measures, documents, stacking rules and caps (verify.cpp).
void verify_links(const Model& m, Problems& p);
// Every figure of a measure, cap or pool stated in its own quote (verify.cpp).
void verify_figures(const Model& m, Problems& p);

}  // namespace skillcalc

namespace skillcalc {
// The member `k` of `o`, or null when `o` is not an object or has no such member. Never throws.
inline const json& key(const json& o, const char* k) {
  static const json null_json;
  if (!o.is_object()) return null_json;
  auto it = o.find(k);
  return it == o.end() ? null_json : *it;
}
}  // namespace skillcalc
