// Linking the rule files once all are read: measure ids unique across files, supersedes resolved into
// superseded_by, stacking rules' `also` into their measures; then the checks of verify.cpp.
#include <map>

#include "load.hpp"

namespace skillcalc {

namespace {
// A stacking rule's `also`: monetary measures of other loaded documents of the same city. A reference to a document
// that is not loaded (a subset of the rules) is no error; a missing id of a loaded one is.
void link_stacking(Model& m, Problems& p) {
  const auto own = own_index(m.stackings);
  for (size_t si = 0; si < m.stackings.size(); ++si) {
    Stacking& st = m.stackings[si];
    const Document& sd = m.documents[st.doc];
    const std::string file = sd.folder + "/rules.json", at = pointer_in_file("stacking", own, si) + "/also";
    for (auto& ref : st.also) {
      bool prefix = !ref.empty() && ref.back() == '*';
      std::string stem = prefix ? ref.substr(0, ref.size() - 1) : ref;
      bool loaded = false, found = false;
      for (auto& d : m.documents) loaded = loaded || (d.id == stem.substr(0, stem.find('-')) && d.city == sd.city);
      for (size_t i = 0; i < m.measures.size(); ++i) {
        const Measure& x = m.measures[i];
        if (!(prefix ? x.id.rfind(stem, 0) == 0 : x.id == stem)) continue;
        found = true;
        if (x.doc == st.doc || m.documents[x.doc].city != sd.city)
          p.add(file, at, "bad_reference", "also 只能引用同一城市其他文件的措施：" + ref,
                "also may only name measures of another document of the same city: " + ref);
        else if (x.monetary())
          st.measures.push_back(static_cast<int>(i));
      }
      if (loaded && !found) p.add(file, at, "unknown_reference", "措施“" + ref + "”不存在", "no measure '" + ref + "'");
    }
    std::sort(st.measures.begin(), st.measures.end());
    st.measures.erase(std::unique(st.measures.begin(), st.measures.end()), st.measures.end());
  }
}
}  // namespace

// "same_right_as": a measure of the same document, without money, that names no other itself.
void link_same_rights(Model& m, const std::map<std::string, int>& index, Problems& p) {
  for (Measure& x : m.measures) {
    if (x.same_right_as.empty()) continue;
    auto it = index.find(x.same_right_as);
    const Measure* to = it == index.end() ? nullptr : &m.measures[static_cast<size_t>(it->second)];
    if (!to || to->doc != x.doc || to->monetary() || !to->same_right_as.empty() || to == &x) {
      p.add(m.documents[x.doc].folder + "/rules.json", "/measures", "unknown_reference",
            "same_right_as 必须是同一文件中另一项非货币措施（且它本身不再指向别的措施）：" + x.same_right_as,
            "same_right_as must name another measure without money of the same document (that names none itself): " +
                x.same_right_as);
      continue;
    }
    x.right = it->second;
  }
}

void link_and_verify(Model& m, Problems& p) {
  std::map<std::string, int> index;
  for (size_t i = 0; i < m.measures.size(); ++i) {
    const Measure& x = m.measures[i];
    const std::string file = m.documents[x.doc].folder + "/rules.json";
    auto [it, fresh] = index.emplace(x.id, static_cast<int>(i));
    if (!fresh && !x.id.empty())
      p.add(file, "/measures", "duplicate_id", "措施标识“" + x.id + "”重复", "measure id '" + x.id + "' is used twice");
    for (auto& t : m.documents[x.doc].target_only)
      if (t.first == x.id)
        p.add(file, "/target_only", "duplicate_id", "“" + x.id + "”既是措施又是目标条款",
              "'" + x.id + "' is both a measure and target-only");
  }
  for (size_t i = 0; i < m.measures.size(); ++i) {
    Measure& newer = m.measures[i];
    const Document& nd = m.documents[newer.doc];
    for (auto& id : newer.supersedes) {
      auto it = index.find(id);
      if (it == index.end()) {
        // A measure of a document that is not loaded (a subset of the rules) is no error; a missing id of a loaded
        // document is.
        std::string doc_id = id.substr(0, id.find('-'));
        bool loaded = false;
        for (auto& d : m.documents) loaded = loaded || d.id == doc_id;
        if (!loaded) continue;
        p.add(nd.folder + "/rules.json", "/measures", "unknown_reference", "被取代的措施“" + id + "”不存在",
              "superseded measure '" + id + "' does not exist");
        continue;
      }
      Measure& older = m.measures[it->second];
      const Document& od = m.documents[older.doc];
      if (od.city != nd.city || od.from >= nd.from || older.doc == newer.doc)
        p.add(nd.folder + "/rules.json", "/measures", "bad_supersession", "只能取代同一城市较早文件的措施：" + id,
              "only a measure of an older document of the same city can be superseded: " + id);
      else
        older.superseded_by.push_back(static_cast<int>(i));
    }
  }
  link_same_rights(m, index, p);
  link_stacking(m, p);
  verify_links(m, p);
  verify_figures(m, p);
}

}  // namespace skillcalc
