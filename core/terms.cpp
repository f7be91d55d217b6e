// A person's titles and terms: one title entered twice is paid once; 每人每月: one person's terms of the same monthly
// allowance are paid once for each month, however many selections or entries show it (日照 4.
// 管理期内每人每月享受市政府津贴1000元: a chief technician selected again while still in office, or the same title
// entered twice).
#include <algorithm>

#include "evaluate.hpp"

namespace skillcalc {

namespace {

long long month_of(Day d) {
  return static_cast<long long>(d / 10000) * 12 + (d / 100) % 100 - 1;
}

// Whether an item is a term of a monthly allowance whose months are known, on an event of the applicant's own.
bool monthly_term(const Model& m, const Item& it) {
  return it.counts() && it.event >= 0 && it.total_known && it.for_applicant &&
         m.measures[it.measure].schedule.kind == Schedule::Kind::Monthly && it.periods_min == it.periods_max;
}

}  // namespace

void trim_overlapping_terms(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  if (s.kind != "person") return;  // a unit's events are other people's
  std::vector<size_t> terms;
  for (size_t i = 0; i < items.size(); ++i)
    if (monthly_term(m, items[i])) terms.push_back(i);
  for (size_t a = 0; a < terms.size(); ++a) {
    Item& later = items[terms[a]];
    const long long start = month_of(event_of(ev, s, later).date), end = start + later.periods_max;
    long long covered = start;  // the end of the earlier terms that reach into this one
    int by = -1;
    for (size_t b = 0; b < a; ++b) {
      const Item& earlier = items[terms[b]];
      if (earlier.measure != later.measure) continue;
      long long until = month_of(event_of(ev, s, earlier).date) + earlier.periods_max + earlier.overlap_periods;
      if (until > covered) covered = until, by = earlier.event;
    }
    if (by < 0) continue;
    long long overlap = std::min(covered, end) - start;
    later.overlaps = by, later.overlap_periods = overlap;
    later.periods_min = later.periods_max = later.periods_max - overlap;
    set_totals(later);
  }
}

// A person's term whose start an earlier term of the same allowance, begun before the document (outside its period),
// still covers (日照 4. 首席技师 selected in 2017 and again in 2019): one allowance a month, and those months may be
// paid under the earlier term, so this term runs from the months after it to its whole length, not certain.
void note_terms_begun_before(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  if (s.kind != "person") return;
  for (Item& later : items) {
    if (!monthly_term(m, later) || later.overlaps >= 0) continue;
    const long long start = month_of(event_of(ev, s, later).date), end = start + later.periods_max;
    long long covered = start;
    int by = -1;
    for (const Item& earlier : items) {
      if (earlier.measure != later.measure || earlier.status != Status::OutsidePeriod || earlier.event < 0 ||
          !earlier.total_known || earlier.periods_min != earlier.periods_max)
        continue;
      const Day when = event_of(ev, s, earlier).date;
      if (when >= event_of(ev, s, later).date || when >= m.documents[m.measures[later.measure].doc].from) continue;
      long long until = month_of(when) + earlier.periods_max;
      if (until > covered) covered = until, by = earlier.event;
    }
    if (by < 0) continue;
    later.prior_term = by, later.prior_term_periods = std::min(covered, end) - start;
    later.periods_min = later.periods_max - later.prior_term_periods;
    set_totals(later);
  }
}

// Terms of one title's monthly allowance whose length no text states (威海 首席技师, selected again, or under each
// document): the months cannot be counted, so the later term only says that a month is paid once.
void note_open_terms(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  if (s.kind != "person") return;
  auto title_of = [&](const Item& it) -> const Value* {
    const Event& e = event_of(ev, s, it);
    return e.type == "title" ? e.fields.get("title") : nullptr;
  };
  auto open = [&](const Item& it) {
    return it.counts() && it.event >= 0 && !it.periods_known &&
           m.measures[it.measure].schedule.kind == Schedule::Kind::Monthly && title_of(it);
  };
  for (size_t i = 0; i < items.size(); ++i) {
    if (!open(items[i])) continue;
    for (size_t j = 0; j < i && items[i].open_overlap < 0; ++j)
      if (open(items[j]) && *title_of(items[j]) == *title_of(items[i])) items[i].open_overlap = items[j].event;
  }
}

void drop_later_firsts(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  if (s.kind != "person") return;
  for (size_t i = 0; i < items.size(); ++i) {
    Item& later = items[i];
    if (!later.counts() || later.event < 0 || !m.measures[later.measure].first_only) continue;
    for (size_t j = 0; j < items.size(); ++j) {
      const Item& first = items[j];
      // A first whose own facts are blank (from outside the city not given) may not have been a move: no exclusion.
      if (j == i || first.measure != later.measure || first.event < 0 || first.uncertain()) continue;
      if (event_of(ev, s, first).date < event_of(ev, s, later).date) {  // whatever its status: it was the first
        later.status = Status::Excluded, later.excluded_by = static_cast<int>(j), later.stacking = kFirstOnly;
        break;
      }
    }
  }
}

namespace {

// Whether two events name the same platform: its kind and its level (either blank: not told apart).
bool same_platform(const Event& a, const Event& b) {
  for (const char* f : {"platform", "level"}) {
    const Value *x = a.fields.get(f), *y = b.fields.get(f);
    if (x && y && (x->kind != y->kind || x->s != y->s)) return false;
  }
  return true;
}

}  // namespace

void drop_reviews_of_earlier(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    Item& later = items[i];
    if (!later.counts() || later.event < 0 || !m.measures[later.measure].review_later) continue;
    const Event& e = event_of(ev, s, later);
    // A later event is the platform's review when it says the platform was rated excellent or has run two years;
    // "否" to 考核优秀 alone is also what a new platform's form says when asked, and two new platforms are two grants.
    auto yes = [&](const char* f) {
      const Value* v = e.fields.get(f);
      return v && v->kind == Value::Kind::Bool && v->b;
    };
    if (!yes("excellent_review") && !yes("running_two_years")) continue;
    for (size_t j = 0; j < items.size(); ++j) {
      const Item& built = items[j];
      if (j == i || built.measure != later.measure || built.event < 0) continue;
      const Event& b = event_of(ev, s, built);
      if (b.date < e.date && same_platform(b, e)) {
        later.status = Status::Excluded, later.excluded_by = static_cast<int>(j), later.stacking = kReviewOfEarlier;
        break;
      }
    }
  }
}

void drop_reviews_entered_apart(const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  auto reviewed_later = [&](const Event& built) {
    return std::any_of(s.events.begin(), s.events.end(), [&](const Event& e) {
      return e.type == built.type && e.date > built.date && e.fields.get("excellent_review") && same_platform(built, e);
    });
  };
  auto asks_review = [](const Item& it) {
    auto asked = facts_asked(it);
    return std::any_of(asked.begin(), asked.end(), [](const Path& p) { return p.text() == "event.excellent_review"; });
  };
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const Item& it) {
                               if (it.event < 0 || !asks_review(it)) return false;
                               const Event& e = event_of(ev, s, it);
                               return !e.fields.get("excellent_review") && reviewed_later(e);
                             }),
              items.end());
}

void drop_repeated_reviews(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  if (s.kind != "person") return;  // a unit may host several studios, each reviewed
  for (size_t i = 0; i < items.size(); ++i) {
    Item& later = items[i];
    if (!later.counts() || later.event < 0 || later.uncertain() || !m.measures[later.measure].yearly_review) continue;
    const Day day = event_of(ev, s, later).date;
    for (size_t j = 0; j < i; ++j) {
      const Item& earlier = items[j];
      if (!earlier.counts() || earlier.measure != later.measure || earlier.event < 0 || earlier.uncertain()) continue;
      const Day first = event_of(ev, s, earlier).date;
      if (first / 10000 != day / 10000) continue;
      if (first == day)
        later.status = Status::Excluded, later.excluded_by = static_cast<int>(j), later.stacking = kSameReview;
      else
        later.again_of = earlier.event, later.total_min = 0;
      break;
    }
  }
}

namespace {

// Whether two measures reward the same title: one measure, or the one-time awards of two documents of the city for
// one title (威海 2021 13. and 2025 10., 中华技能大奖 10万元 and 20万元: a person obtains it once, under either).
bool same_title_award(const Model& m, int a, int b) {
  if (a == b) return true;
  const Measure &x = m.measures[static_cast<size_t>(a)], &y = m.measures[static_cast<size_t>(b)];
  auto one_time_award = [](const Measure& z) {
    return z.event == "title" && z.kind.rfind("money", 0) == 0 && z.schedule.kind == Schedule::Kind::Once;
  };
  return x.doc != y.doc && one_time_award(x) && one_time_award(y);
}

}  // namespace

void drop_repeated_titles(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  if (s.kind != "person") return;  // a unit's title events are its people's, each another person
  for (size_t i = 0; i < items.size(); ++i) {
    Item& later = items[i];
    if (!later.counts() || later.event < 0) continue;
    const Event& e = event_of(ev, s, later);
    const bool periodic = m.measures[later.measure].schedule.periodic();  // terms that overlap: months, not titles
    const Value* title = e.type == "title" ? e.fields.get("title") : nullptr;
    if (!title || title->kind != Value::Kind::Text) continue;
    for (size_t j = 0; j < i; ++j) {
      const Item& earlier = items[j];
      if (!earlier.counts() || earlier.event < 0 || !same_title_award(m, earlier.measure, later.measure)) continue;
      const Value* t = event_of(ev, s, earlier).fields.get("title");
      if (event_of(ev, s, earlier).type != "title" || !t || t->kind != Value::Kind::Text || t->s != title->s) continue;
      if (periodic && event_of(ev, s, earlier).date != e.date) continue;  // a term again: its months (trim_overlapping)
      if (event_of(ev, s, earlier).date != e.date && m.measures[later.measure].reselected)
        later.again_of = earlier.event, later.total_min = 0;  // selected again in a later round, perhaps
      else  // entered twice, or a title the text rewards obtaining once
        later.status = Status::Excluded, later.excluded_by = static_cast<int>(j), later.stacking = -1;
      break;
    }
  }
}

namespace {

bool ranked_by_stacking(const Model& m, int measure) {
  return std::any_of(m.stackings.begin(), m.stackings.end(), [&](const Stacking& st) {
    return std::find(st.measures.begin(), st.measures.end(), measure) != st.measures.end();
  });
}

// Whether two events are results at one tier on one day.
bool same_tier_day(const Event& a, const Event& b) {
  if (a.type != "competition" || b.type != a.type || a.date != b.date) return false;
  const Value *x = a.fields.get("tier"), *y = b.fields.get("tier");
  return x && y && x->kind == y->kind && x->s == y->s;
}

// …of one contest project; or maybe, where either leaves the project blank.
bool same_contest_day(const Event& a, const Event& b) {
  return same_tier_day(a, b) && !a.contest.empty() && a.contest == b.contest;
}
bool maybe_same_contest_day(const Event& a, const Event& b) {
  return same_tier_day(a, b) && (a.contest.empty() || b.contest.empty());
}

}  // namespace

void drop_repeated_results(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  if (s.kind != "person") return;  // a unit's results are its people's
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      Item &a = items[j], &b = items[i];
      if (!a.counts() || !b.counts() || a.measure != b.measure || a.event < 0 || b.event < 0 || a.event == b.event ||
          ranked_by_stacking(m, a.measure))
        continue;
      const Event &x = event_of(ev, s, a), &y = event_of(ev, s, b);
      const bool same = same_contest_day(x, y);
      if (!same && !maybe_same_contest_day(x, y)) continue;
      bool later_better = b.total_min > a.total_min || (b.total_min == a.total_min && b.total_max > a.total_max);
      Item& lost = later_better ? a : b;
      if (same) {
        lost.status = Status::Excluded, lost.excluded_by = static_cast<int>(later_better ? i : j),
        lost.stacking = kSameResult;
      } else if (lost.project_of < 0) {  // a project left blank: perhaps one result entered twice, so not certain
        lost.project_of = (later_better ? b : a).event, lost.total_min = 0;
      }
    }
  }
}

namespace {

// The rank of a skill level among the vocabulary's (junior_worker first), or -1: a skill-level event's level, or the
// level a person was hired as (a hire whose talent is a level: 烟台 (十一) 引进的高级技师 holds it from the hire).
int level_rank(const Model& m, const Event& e) {
  const Value* v = e.type == "skill_level" ? e.fields.get("level")
                   : e.type == "hire"      ? e.fields.get("talent")
                                           : nullptr;
  auto def = m.vocab.fields.find("level");
  if (!v || v->kind != Value::Kind::Text || def == m.vocab.fields.end()) return -1;
  const auto& values = def->second.values;
  auto at = std::find(values.begin(), values.end(), v->s);
  return at == values.end() ? -1 : static_cast<int>(at - values.begin());
}

// Whether event j is a level held when event `at` (of level `rank`) was obtained: the same or a higher level of an
// earlier day, or of the same day a higher one, or the same one entered first (two of one day are not both new).
bool held_before(const Model& m, const Situation& s, size_t j, size_t at, int rank) {
  const Event &held = s.events[j], &e = s.events[at];
  int r = level_rank(m, held);
  if (j == at || r < rank || held.date > e.date) return false;
  return held.date < e.date || r > rank || j < at;
}

}  // namespace

void mark_levels_below_held(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  if (s.kind != "person") return;  // a unit's events are other people's
  for (Item& it : items) {
    if (!it.counts() || it.event < 0 || !m.measures[it.measure].new_level) continue;
    const Event& e = event_of(ev, s, it);
    int rank = e.type == "skill_level" ? level_rank(m, e) : -1;
    if (rank < 0) continue;
    for (size_t j = 0; j < s.events.size(); ++j)
      if (held_before(m, s, j, static_cast<size_t>(it.event), rank)) {  // the same level again, or lower
        it.below = static_cast<int>(j), it.total_min = 0;
        break;
      }
  }
}

// The same right without money given by several events (招投标的重要因素 for a 技师 and for a 特级技师 of one
// enterprise): one item, on its earliest event, naming the others among its events. Items that wait on a fact, plans
// and rights of another option stay apart. The indices items keep of others (excluded_by, counted_item, floor_by)
// follow.
void merge_repeated_rights(const Model& m, const Situation& s, std::vector<Item>& items) {
  auto right = [&](int mi) {
    return m.measures[static_cast<size_t>(mi)].right >= 0 ? m.measures[static_cast<size_t>(mi)].right : mi;
  };
  // A right not certain only for the applicant's own blank facts (国有企业 left blank) asks the same of every event.
  auto applicant_facts_only = [](const Item& it) {
    if (it.project_of >= 0 || it.competitor_of >= 0 || it.below >= 0 || it.again_of >= 0) return false;
    auto asked = facts_asked(it);
    return std::all_of(asked.begin(), asked.end(), [](const Path& p) { return p.scope == Path::Scope::Applicant; });
  };
  auto mergeable = [&](const Item& it) {
    return it.status == Status::NonMonetary && it.event >= 0 && !it.planned &&
           (!it.uncertain() || applicant_facts_only(it));
  };
  auto same_facts = [](const Item& a, const Item& b) {
    auto x = facts_asked(a), y = facts_asked(b);
    return x.size() == y.size() &&
           std::equal(x.begin(), x.end(), y.begin(), [](const Path& p, const Path& q) { return p.text() == q.text(); });
  };
  std::vector<int> into(items.size(), -1);  // the item each merged one joins
  for (size_t i = 0; i < items.size(); ++i) {
    if (!mergeable(items[i])) continue;
    for (size_t j = 0; j < i; ++j) {
      Item& k = items[j];
      if (into[j] >= 0 || !mergeable(k) || right(k.measure) != right(items[i].measure) || k.option != items[i].option ||
          k.uncertain() != items[i].uncertain() || !same_facts(k, items[i]))
        continue;
      into[i] = static_cast<int>(j);
      int later = items[i].event;
      if (s.events[static_cast<size_t>(later)].date < s.events[static_cast<size_t>(k.event)].date)
        std::swap(later, k.event);
      // One event may show the right twice (a title with its own level: the level's measure and the title's): named
      // once.
      if (later != k.event && std::find(k.more_events.begin(), k.more_events.end(), later) == k.more_events.end())
        k.more_events.push_back(later);
      break;
    }
  }
  std::vector<int> index(items.size(), -1);
  size_t n = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (into[i] < 0) index[i] = static_cast<int>(n++);
  for (size_t i = 0; i < items.size(); ++i)
    if (into[i] >= 0) index[i] = index[static_cast<size_t>(into[i])];
  if (n == items.size()) return;
  std::vector<Item> kept;
  kept.reserve(n);
  for (size_t i = 0; i < items.size(); ++i)
    if (into[i] < 0) kept.push_back(std::move(items[i]));
  for (Item& it : kept)
    for (int* ref : {&it.excluded_by, &it.counted_item, &it.floor_by})
      if (*ref >= 0) *ref = index[static_cast<size_t>(*ref)];
  items = std::move(kept);
}

}  // namespace skillcalc
