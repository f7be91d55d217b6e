// 就高不重复 and 按最高成绩奖励: the items of one stacking rule that reward the same achievement keep only the best.
#include <algorithm>
#include <climits>
#include <cstdlib>
#include <map>

#include "evaluate.hpp"

namespace skillcalc {

namespace {

// What an item rewards, for stacking: a contest project; a title, which a hire naming that title as its talent rewards
// too; otherwise the event itself. A WorldSkills medal won in a named project is both: that project's result, and the
// medal a hire of its medallist rewards again. A person holds a title once; for a unit, each event is another person
// (two medallists hired are two awards), so its titles and medals are the event's own.
std::vector<std::string> event_achievements(const Event& e, const Item& it, const Model& m, const Situation& s) {
  const Value *tier = e.fields.get("tier"), *medal = e.fields.get("medal");
  bool world_medal = tier && medal && tier->s == "world_skills";
  bool person = s.kind == "person";
  if (!e.contest.empty()) {
    if (world_medal && person) return {"c:" + e.contest, "t:world_skills_" + medal->s};
    return {"c:" + e.contest};
  }
  if (it.event < 0) return {"m:" + m.measures[it.measure].id};
  if (!person) return {"e:" + e.id};
  const Value* t = e.fields.get(e.type == "hire" ? "talent" : e.type == "title" ? "title" : "");
  if (t && t->kind == Value::Kind::Text) return {"t:" + t->s};
  if (world_medal) return {"t:world_skills_" + medal->s};
  return {"e:" + e.id};
}

// An item's achievements: its event's, and the achievement its measure names (one 领军人才 however many titles show
// it).
std::vector<std::string> achievements(const Event& e, const Item& it, const Model& m, const Situation& s) {
  std::vector<std::string> out = event_achievements(e, it, m, s);
  if (const std::string& a = m.measures[it.measure].achievement; !a.empty()) out.push_back("a:" + a);
  return out;
}

// Two competition results of one project at the same tier on other dates are two editions of the contest (the
// 烟台市职业技能大赛 is held every two years), two achievements: one project's results are one achievement across
// tiers. Not so at the WorldSkills, where a competitor competes once: two medals of one project are one entered twice.
// A school's prizes of one 赛项 are one achievement within a year (济宁 (九) 排位赛及总决赛: one season's rounds),
// and other editions in other years.
bool other_edition(const Event& a, const Event& b) {
  if (a.type == "school_contest_prize" && b.type == a.type) return a.date / 10000 != b.date / 10000;
  if (a.date == b.date || a.type != "competition" || b.type != "competition") return false;
  const Value *x = a.fields.get("tier"), *y = b.fields.get("tier");
  return x && y && x->kind == Value::Kind::Text && y->kind == Value::Kind::Text && x->s == y->s &&
         x->s != "world_skills";
}

// About how many days apart two days are (months of 31 days: enough to compare gaps).
long days_apart(Day x, Day y) {
  auto ordinal = [](Day d) { return static_cast<long>(d / 10000) * 372 + (d / 100 % 100) * 31 + d % 100; };
  return std::labs(ordinal(x) - ordinal(y));
}

// The longest a project's pathway from one round to the next takes: a selection or a squad a year and a half before
// the WorldSkills; results of two rounds further apart are of other editions.
constexpr long kSeasonDays = 558;

// A result's round in a project's pathway, by the levels the texts rank (世界级、国家级、省级和市级): the city's
// contests (一类, 二类, 技能兴威) are one round, the provincial ones another, the national ones and the WorldSkills
// China selection another, the WorldSkills the last; a squad selection is a round of its own.
std::string round_of(const Event& e) {
  if (e.type == "training_squad") {
    const Value* q = e.fields.get("squad");
    return "squad:" + (q && q->kind == Value::Kind::Text ? q->s : std::string());
  }
  const Value* t = e.fields.get("tier");
  std::string tier = t && t->kind == Value::Kind::Text ? t->s : std::string();
  if (tier == "world_skills") return e.type + ":world";
  for (const char* level : {"national", "provincial", "city"})
    if (tier.rfind(level, 0) == 0) return e.type + ":" + level;
  if (tier == "world_skills_china_selection") return e.type + ":national";
  return e.type + ":" + tier;
}

// Whether two results of one contest project (items x and y of `results`) are one achievement. Of one round: only
// results of one day (or two medals at the WorldSkills, where one competes once); other days are other editions. Of
// two rounds: when at most a season apart and each is the other's nearest of its round, the earlier where two are as
// near: the city result that led to a provincial one, not the city contest of every other year (技能兴威 firsts each
// year from 2025 to 2027 and a provincial third in 2025: the 2025 two are one achievement, 2026 and 2027 their own).
bool one_season(const Situation& s, const Evaluation& ev, const std::vector<Item>& items,
                const std::vector<int>& results, size_t x, size_t y) {
  const Event &a = event_of(ev, s, items[results[x]]), &b = event_of(ev, s, items[results[y]]);
  if (&a == &b || a.date == b.date) return true;
  const std::string ra = round_of(a), rb = round_of(b);
  if (a.type == "school_contest_prize" && b.type == a.type) return !other_edition(a, b);
  if (ra == rb) return ra == "competition:world";
  auto gap = [](const Event& p, const Event& q) { return days_apart(p.date, q.date); };
  if (gap(a, b) > kSeasonDays) return false;
  // Whether `to` is, of its round, the result nearest in date to `from` (of two as near, the earlier).
  auto nearest = [&](const Event& from, const Event& to, const std::string& round) {
    for (int r : results) {
      const Event& o = event_of(ev, s, items[r]);
      if (round_of(o) != round || o.date == to.date) continue;
      long d = gap(from, o), mine = gap(from, to);
      if (d < mine || (d == mine && o.date < to.date)) return false;
    }
    return true;
  };
  return nearest(a, b, rb) && nearest(b, a, ra);
}

// Under a rule with "medal_titles" (济宁 (九): 全国技术能手, which is conferred on WorldSkills medallists): for a
// person, each such title is joined to the medal it was conferred for, the person's latest WorldSkills medal on or
// before the title's date and at most a season before it; a title earlier than every medal, or long after, is an
// achievement of its own. Each (title item, medal item) pair to join goes to `join`.
template <class Join>
void join_medal_titles(const Situation& s, const Evaluation& ev, const std::vector<Item>& items,
                       const std::vector<int>& members, const Stacking& st, Join join) {
  if (st.medal_titles.empty() || s.kind != "person") return;
  auto text = [](const Event& e, const char* field) {
    const Value* v = e.fields.get(field);
    return v && v->kind == Value::Kind::Text ? v->s : std::string();
  };
  auto is_medal = [&](const Event& e) {
    if (e.type == "hire") return text(e, "talent").rfind("world_skills_", 0) == 0;
    return e.type == "competition" && text(e, "tier") == "world_skills" && !text(e, "medal").empty();
  };
  auto is_title = [&](const Event& e) {
    std::string t = text(e, e.type == "hire" ? "talent" : e.type == "title" ? "title" : "");
    return !t.empty() && std::find(st.medal_titles.begin(), st.medal_titles.end(), t) != st.medal_titles.end();
  };
  for (int t : members) {
    const Event& title = event_of(ev, s, items[t]);
    if (!is_title(title)) continue;
    int medal = -1;
    for (int i : members) {
      const Event& e = event_of(ev, s, items[i]);
      if (!is_medal(e) || items[i].recipient != items[t].recipient || e.date > title.date ||
          days_apart(e.date, title.date) > kSeasonDays)
        continue;
      if (medal < 0 || e.date > event_of(ev, s, items[medal]).date) medal = i;
    }
    if (medal >= 0) join(t, medal);
  }
}

// The items of one platform achievement whose measures are levels (烟台 (四) 省级 and 国家级高技能人才培训基地): two of
// one level are two platforms; one of another level is one of them upgraded. Each is paired, in date order, with the
// first later one of another level not yet paired; each pair goes to `join`.
template <class Join>
void pair_upgrades(const Situation& s, const Evaluation& ev, const std::vector<Item>& items, std::vector<int> levels,
                   Join join) {
  std::stable_sort(levels.begin(), levels.end(),
                   [&](int a, int b) { return event_of(ev, s, items[a]).date < event_of(ev, s, items[b]).date; });
  std::vector<bool> paired(levels.size(), false);
  for (size_t x = 0; x < levels.size(); ++x)
    for (size_t y = x + 1; y < levels.size() && !paired[x]; ++y)
      if (!paired[y] && items[levels[x]].measure != items[levels[y]].measure) {
        paired[x] = paired[y] = true;
        join(levels[x], levels[y]);
      }
}

// The items of one stacking rule grouped by what they reward: two items are in one group when they share an
// achievement (directly or through a third), and have one receiver. None when fewer than two items are the rule's.
std::vector<std::vector<int>> achievement_groups(const Model& m, const Situation& s, const Evaluation& ev,
                                                 const std::vector<Item>& items, const Stacking& st) {
  // A year whose number is blank beside its intakes' certain item (evaluate.cpp known_part) adds to that item, never
  // competes with it: not a member.
  auto member = [&](const Item& it) {
    return it.counts() && !(it.heads_unknown && it.counted) &&
           std::binary_search(st.measures.begin(), st.measures.end(), it.measure);
  };
  if (std::count_if(items.begin(), items.end(), member) < 2) return {};  // no group of two: nothing to settle
  std::vector<int> members, root(items.size(), -1);
  std::map<std::string, int> first;                    // achievement key -> the first item that has it
  std::map<std::string, std::vector<int>> of_contest;  // a contest project's key -> its results (editions differ)
  std::map<std::string, std::vector<int>> of_upgrade;  // a platform's levels (measure.upgrade) -> their items
  auto find = [&](int i) {
    while (root[static_cast<size_t>(i)] != i) i = root[static_cast<size_t>(i)];
    return i;
  };
  for (size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (!member(it)) continue;
    int self = static_cast<int>(i);
    root[i] = self, members.push_back(self);
    // 就高不重复 is for one receiver: the workers' own subsidy does not stack against the enterprise's award.
    const Event& e = event_of(ev, s, it);
    for (auto& a : achievements(e, it, m, s)) {
      if (a[0] == 'a' && m.measures[it.measure].upgrade) {
        of_upgrade[it.recipient + "|" + a].push_back(self);
        continue;
      }
      if (a[0] != 'c') {
        auto [at, fresh] = first.emplace(it.recipient + "|" + a, self);
        // A later term of the same monthly allowance already lost the months an earlier one pays (terms.cpp): the
        // months after are a selection of their own, not the same achievement paid twice.
        bool later_term = !fresh && it.overlaps >= 0 && items[static_cast<size_t>(at->second)].measure == it.measure;
        if (!fresh && !later_term) root[static_cast<size_t>(find(self))] = find(at->second);
        continue;
      }
      of_contest[it.recipient + "|" + a].push_back(self);
    }
  }
  for (auto& [key, results] : of_contest)
    for (size_t x = 0; x < results.size(); ++x)
      for (size_t y = 0; y < x; ++y)
        if (one_season(s, ev, items, results, x, y)) root[static_cast<size_t>(find(results[x]))] = find(results[y]);
  for (auto& [key, levels] : of_upgrade)
    pair_upgrades(s, ev, items, levels, [&](int a, int b) { root[static_cast<size_t>(find(a))] = find(b); });
  join_medal_titles(s, ev, items, members, st, [&](int a, int b) { root[static_cast<size_t>(find(a))] = find(b); });
  std::map<int, std::vector<int>> by_root;  // members in item order within each group
  for (int i : members) by_root[find(i)].push_back(i);
  std::vector<std::vector<int>> groups;
  for (auto& [r, g] : by_root) groups.push_back(std::move(g));
  return groups;
}

// The highest is chosen by what an item may bring. When it is not certain (最高10万元, a fact left blank) and an item
// it excluded is certain to bring more than its own floor, the achievement is paid at least that: should the winner
// bring less, the other is the highest. Its floor rises to the most certain money of the group (never above its max).
void raise_floor(std::vector<Item>& items, const std::vector<int>& group, int best) {
  Item& win = items[best];
  if (!win.total_known) return;
  for (int i : group)
    if (i != best && items[i].total_known && items[i].total_min > win.total_min && win.total_min < win.total_max) {
      if (win.floor_by < 0) win.own_min = win.total_min;
      win.total_min = std::min(items[i].total_min, win.total_max);
      win.floor_by = i;
    }
}

// Under 就高, the excluded item that may bring the most: should a cap cut the winner below it, that one is paid
// instead (cap_ceilings).
void note_ceiling(std::vector<Item>& items, const std::vector<int>& group, int best) {
  Item& win = items[best];
  for (int i : group)
    if (i != best && items[i].total_known && items[i].planned == win.planned && items[i].total_max > 0 &&
        (win.ceil_by < 0 || items[i].total_max > items[win.ceil_by].total_max))
      win.ceil_by = i;
}

// A result's level under a rule that ranks results by level (按最高成绩: 世界级、国家级、省级和市级): the index of the
// first level one of whose field values the event has; a rule without levels, or an event of none, ranks last.
size_t level_of(const Stacking& st, const Event& e) {
  for (size_t l = 0; l < st.levels.size(); ++l)
    for (auto& [field, value] : st.levels[l])
      if (const Value* v = e.fields.get(field); v && v->kind == Value::Kind::Text && v->s == value) return l;
  return st.levels.size();
}

// Whether item a is the better of two under a stacking rule: the higher level where the rule ranks results by
// level; then what it may bring (a ceiling counts as its amount), then its floor; then, to be the same on every run,
// the measure's id and the event's place in the situation.
// `room_a` and `room_b`: what the caps of each item's measure leave it (cap_room), when the items are under one.
bool better_result(const Model& m, const Situation& s, const Evaluation& ev, const Stacking& st,
                   const std::vector<Item>& items, size_t a, size_t b, long long room_a = LLONG_MAX,
                   long long room_b = LLONG_MAX) {
  const Item &x = items[a], &y = items[b];
  if (!st.levels.empty() && x.event >= 0 && y.event >= 0) {
    size_t lx = level_of(st, event_of(ev, s, x)), ly = level_of(st, event_of(ev, s, y));
    if (lx != ly) return lx < ly;
  }
  auto worth = [](const Item& it, long long room) {
    return std::min(room, it.total_known ? it.total_max : it.unit_known ? it.unit_max : 0);
  };
  auto floor_of = [](const Item& it, long long room) {
    return std::min(room, it.total_known ? it.total_min : it.unit_known ? it.unit_min : 0);
  };
  if (worth(x, room_a) != worth(y, room_b)) return worth(x, room_a) > worth(y, room_b);
  if (floor_of(x, room_a) != floor_of(y, room_b)) return floor_of(x, room_a) > floor_of(y, room_b);
  // Equal money: what is certain before what waits on a blank fact (a hire whose move from outside is stated before
  // one whose move is not); then the achievement's first event (a WorldSkills medal before the 全国技术能手
  // conferred for it).
  if (x.uncertain() != y.uncertain()) return !x.uncertain();
  if (x.event >= 0 && y.event >= 0 && event_of(ev, s, x).date != event_of(ev, s, y).date)
    return event_of(ev, s, x).date < event_of(ev, s, y).date;
  if (x.measure != y.measure) return m.measures[x.measure].id < m.measures[y.measure].id;
  return a < b;
}

// Two contest results of a person under one stacking rule, in two groups because one of them (or both) names no
// project: they may be one project, where only the higher is paid. The lower is then not certain, 0 … its amount,
// and its project is asked (a blank fact is asked, never taken as "another project").
void maybe_one_project(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items,
                       const Stacking& st) {
  // A unit's two results may be two people's; a school's own prizes (济宁 (九) 职业院校技能大赛) are the school's.
  auto own_result = [&](const Event& e) { return s.kind == "person" || e.type == "school_contest_prize"; };
  auto contest_result = [&](const Item& it) {
    if (!it.counts() || it.event < 0 || !std::binary_search(st.measures.begin(), st.measures.end(), it.measure))
      return false;
    if (!own_result(event_of(ev, s, it))) return false;
    auto et = m.vocab.event_types.find(event_of(ev, s, it).type);
    return et != m.vocab.event_types.end() &&
           std::any_of(et->second.fields.begin(), et->second.fields.end(),
                       [](const std::pair<std::string, std::string>& f) { return f.first == "contest"; });
  };
  for (size_t i = 0; i < items.size(); ++i) {
    if (!contest_result(items[i]) || !items[i].total_known || items[i].project_of >= 0) continue;
    const Event& a = event_of(ev, s, items[i]);
    for (size_t j = 0; j < items.size(); ++j) {
      if (j == i || !contest_result(items[j]) || items[j].recipient != items[i].recipient) continue;
      const Event& b = event_of(ev, s, items[j]);
      if (&a == &b || (!a.contest.empty() && !b.contest.empty()) || other_edition(a, b)) continue;
      if (round_of(a) != round_of(b) && days_apart(a.date, b.date) > kSeasonDays) continue;  // not one season
      if (!better_result(m, s, ev, st, items, j, i)) continue;
      items[i].project_of = items[j].event, items[i].total_min = 0;
      break;
    }
  }
}

// A unit's two results of one named contest project under a rule it is not itself under (威海 2021 18. 同一竞赛项目
// 按照最高成绩奖励, for the competitor): a selection place and then a WorldSkills medal may be one competitor's, for
// whom the sending unit is paid once, or two competitors'. The lower is not certain, 0 … its amount.
void maybe_one_competitor(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items,
                          const Stacking& st) {
  auto result = [&](const Item& it) {
    return it.counts() && it.event >= 0 && it.total_known && !event_of(ev, s, it).contest.empty() &&
           std::binary_search(st.measures.begin(), st.measures.end(), it.measure);
  };
  for (size_t i = 0; i < items.size(); ++i) {
    if (!result(items[i]) || items[i].competitor_of >= 0) continue;
    const Event& a = event_of(ev, s, items[i]);
    for (size_t j = 0; j < items.size(); ++j) {
      if (j == i || !result(items[j]) || items[j].measure != items[i].measure) continue;
      const Event& b = event_of(ev, s, items[j]);
      if (&a == &b || a.contest != b.contest || !better_result(m, s, ev, st, items, j, i)) continue;
      items[i].competitor_of = items[j].event, items[i].total_min = 0;
      break;
    }
  }
}

// What an item of a group may bring under the caps its measure is in (烟台 (十一) 每家企业每年不超过10万元): the room
// the year's certain items outside the group leave it, the least over its caps. A capped item is worth its room, not
// its amount, when the group's highest is chosen.
long long room_under_caps(const Model& m, const Situation& s, const Evaluation& ev, const std::vector<Item>& items,
                          int i, const std::vector<int>& group) {
  long long room = LLONG_MAX;
  const Item& it = items[static_cast<size_t>(i)];
  for (const Cap& c : m.caps)
    if (m.documents[c.doc].city == s.city && std::binary_search(c.measures.begin(), c.measures.end(), it.measure))
      room = std::min(room, cap_room(s, ev, items, c, it, it.planned, group));
  return room;
}

// The best of a group's members (item indices) under the rule; -1 for none.
int best_of(const Model& m, const Situation& s, const Evaluation& ev, const Stacking& st,
            const std::vector<Item>& items, const std::vector<int>& members) {
  int best = -1;
  long long best_room = LLONG_MAX;
  for (int i : members) {
    long long room = room_under_caps(m, s, ev, items, i, members);
    if (best < 0 ||
        better_result(m, s, ev, st, items, static_cast<size_t>(i), static_cast<size_t>(best), room, best_room))
      best = i, best_room = room;
  }
  return best;
}

// Keeps `best` of `members` and excludes the others in its favour; its floor as the rule says.
void keep_best(const Stacking& st, int si, std::vector<Item>& items, const std::vector<int>& members, int best) {
  for (int i : members)
    if (i != best) items[i].status = Status::Excluded, items[i].excluded_by = best, items[i].stacking = si;
  // 按最高成绩: the best result is paid at its own amount (最高10万元: 0 …); but where a blank fact leaves the
  // result itself unknown (a place not given), a certain lower result may still be the best one.
  const Item& win = items[best];
  if (st.lower_is_floor || win.blank || !win.asked.empty()) raise_floor(items, members, best);
  if (st.lower_is_floor) note_ceiling(items, members, best);
}

// A plan that would beat what has happened (a WorldSkills medal planned over this year's selection result): what has
// happened is settled among itself and is due now; the plan brings what it adds to that, from its least (its floor
// less the most the other may bring) to its most (its most less the other's floor), and names the item it adds to.
void plan_over_happened(std::vector<Item>& items, int plan, int now) {
  Item& p = items[plan];
  const Item& n = items[now];
  if (!p.total_known || !n.total_known) return;
  p.counted = true, p.counted_item = now, p.counted_min = n.total_min, p.counted_max = n.total_max;
  p.whole_min = p.total_min, p.whole_max = p.total_max;
  // A result paid 不低于 its figure may have been paid more: the plan then adds less, down to nothing.
  long long most_now = n.amount && n.amount->kind == Amount::Kind::Floor ? p.total_min : n.total_max;
  p.total_min = std::max(0LL, p.total_min - most_now), p.total_max = std::max(0LL, p.total_max - n.total_min);
}

// 按最高成绩: a lower-level result won earlier may have been paid when it happened, at more than the best result
// brings (技能兴威 first 3000 in June, a provincial third 2000 in September): what was paid is not taken back, so the
// best result's item runs up to that amount (2000 … 3000), its words saying both.
void keep_paid_before(const Situation& s, const Evaluation& ev, std::vector<Item>& items, const std::vector<int>& g,
                      int best) {
  Item& win = items[best];
  if (!win.total_known || win.planned || !win.counts()) return;
  const Day when = event_of(ev, s, win).date;
  for (int i : g) {
    const Item& p = items[i];
    if (i == best || p.planned || !p.total_known || p.status != Status::Excluded || p.excluded_by != best ||
        p.stacking < 0 || event_of(ev, s, p).date >= when || p.total_min <= win.total_max)
      continue;
    if (win.paid_before_max < 0) win.paid_before_max = win.total_max;
    win.total_max = p.total_max;
  }
}

// Whether every member of a group has happened and is money under a yearly cap of one applicant (烟台 (七) and (十一)
// for one self-evaluated batch): its choice is made for the year (choose_for_the_year), not batch by batch.
bool under_yearly_caps(const Model& m, const Situation& s, const std::vector<Item>& items, const std::vector<int>& g) {
  for (int i : g) {
    const Item& it = items[static_cast<size_t>(i)];
    bool capped = false;
    for (const Cap& c : m.caps)
      capped = capped || (c.per == Cap::Per::ApplicantYear && m.documents[c.doc].city == s.city &&
                          std::binary_search(c.measures.begin(), c.measures.end(), it.measure));
    if (it.planned || !capped) return false;
  }
  return true;
}

struct YearGroup {
  int si;  // the stacking rule
  std::vector<int> members;
};

void settle(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items, const YearGroup& g,
            int best) {
  const Stacking& st = m.stackings[static_cast<size_t>(g.si)];
  keep_best(st, g.si, items, g.members, best);
  if (!st.lower_is_floor) keep_paid_before(s, ev, items, g.members, best);
}

// Each group in turn (in date order), the best by what the room left by what came before lets it bring.
std::vector<int> batch_by_batch(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item> items,
                                const std::vector<YearGroup>& groups) {
  std::vector<int> choice;
  for (const YearGroup& g : groups) {
    choice.push_back(best_of(m, s, ev, m.stackings[static_cast<size_t>(g.si)], items, g.members));
    settle(m, s, ev, items, g, choice.back());
  }
  return choice;
}

// What the applicant's money due adds up to once capped as evaluate() caps it.
std::pair<long long, long long> capped_span(const Model& m, const Situation& s, const Evaluation& ev,
                                            std::vector<Item> items) {
  cap(m, s, ev, items);
  cap_by_pools(m, s, ev, items);
  cap_ceilings(m, s, ev, items);
  return due_span_within_caps(m, s, ev, items);
}

// The same under a choice of each group's winner.
std::pair<long long, long long> span_of(const Model& m, const Situation& s, const Evaluation& ev,
                                        std::vector<Item> items, const std::vector<YearGroup>& groups,
                                        const std::vector<int>& choice) {
  for (size_t k = 0; k < groups.size(); ++k) settle(m, s, ev, items, groups[k], choice[k]);
  return capped_span(m, s, ev, std::move(items));
}

// A winner's floor (should (七) bring less, (十一)'s money is paid) that adds nothing to the year's least: the
// other measure's money for this batch would only move a later batch's onto it under the yearly cap (40 technicians
// self-evaluated in March, 40 trained in September: September's (十一) fills the 100,000 either way). It is dropped,
// so the winner runs from its own least (a (七) assessed at 20,000 is 20,000, not refused as below a 50,000 floor).
void drop_idle_floors(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items,
                      const std::vector<int>& winners) {
  for (int w : winners) {
    Item& win = items[static_cast<size_t>(w)];
    if (win.floor_by < 0) continue;
    std::vector<Item> without = items;
    without[static_cast<size_t>(w)].total_min = win.own_min, without[static_cast<size_t>(w)].floor_by = -1;
    if (capped_span(m, s, ev, without).first < capped_span(m, s, ev, items).first) continue;
    win.total_min = win.own_min, win.floor_by = -1;
  }
}

constexpr size_t kMaxChosenTogether = 6;  // 2^6 choices of two measures each; beyond, batch by batch

// 就高不重复 under yearly caps: which measure pays each batch (烟台 (七) up to 50,000, or (十一) by heads within
// 每家企业每年不超过10万元) is chosen for the year, as an enterprise claims the year's batches together
// (当年…核准的资金 项目于次年拨付): the choice whose year brings the most certain money, then the most at most. Batch
// by batch, a batch taking (十一) may only move a later batch's (十一) money onto itself while (七)'s is lost. Ties
// keep the choice made batch by batch in date order.
void choose_for_the_year(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items,
                         const std::vector<YearGroup>& groups) {
  if (groups.empty()) return;
  std::vector<int> best = batch_by_batch(m, s, ev, items, groups);
  if (groups.size() <= kMaxChosenTogether) {
    std::pair<long long, long long> best_span = span_of(m, s, ev, items, groups, best);
    std::vector<size_t> at(groups.size(), 0);  // an odometer over the groups' members
    for (bool more = true; more;) {
      std::vector<int> choice;
      for (size_t k = 0; k < groups.size(); ++k) choice.push_back(groups[k].members[at[k]]);
      auto span = span_of(m, s, ev, items, groups, choice);
      if (span.first > best_span.first || (span.first == best_span.first && span.second > best_span.second))
        best = choice, best_span = span;
      size_t k = 0;
      while (k < at.size() && ++at[k] == groups[k].members.size()) at[k++] = 0;
      more = k < at.size();
    }
  }
  for (size_t k = 0; k < groups.size(); ++k) settle(m, s, ev, items, groups[k], best[k]);
  drop_idle_floors(m, s, ev, items, best);
}

}  // namespace

// 就高不重复: items of one stacking rule that reward the same achievement keep only the highest. Plans do not take
// away money already due: where the highest is a plan, the best of what has happened is kept too.
void stack(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  std::vector<YearGroup> for_the_year;
  for (size_t si = 0; si < m.stackings.size(); ++si) {
    const Stacking& st = m.stackings[si];
    if (m.documents[st.doc].city != s.city) continue;
    if (!(st.applicants & (1u << m.vocab.kind_index(s.kind)))) {
      if (st.rule == "highest_result") maybe_one_competitor(m, s, ev, items, st);
      continue;
    }
    for (auto& g : achievement_groups(m, s, ev, items, st)) {
      if (g.size() < 2) continue;
      if (under_yearly_caps(m, s, items, g)) {
        for_the_year.push_back({static_cast<int>(si), g});
        continue;
      }
      int best = best_of(m, s, ev, st, items, g);
      std::vector<int> happened, planned;
      for (int i : g) (items[i].planned ? planned : happened).push_back(i);
      if (!items[best].planned || happened.empty()) {
        keep_best(st, static_cast<int>(si), items, g, best);
        if (!st.lower_is_floor) keep_paid_before(s, ev, items, g, best);
        continue;
      }
      int now = best_of(m, s, ev, st, items, happened);
      keep_best(st, static_cast<int>(si), items, happened, now);
      if (!st.lower_is_floor) keep_paid_before(s, ev, items, happened, now);
      keep_best(st, static_cast<int>(si), items, planned, best);
      plan_over_happened(items, best, now);
    }
    maybe_one_project(m, s, ev, items, st);
  }
  choose_for_the_year(m, s, ev, items, for_the_year);
}

}  // namespace skillcalc
