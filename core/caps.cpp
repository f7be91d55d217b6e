// Caps per applicant (每个企业每年最高5万元) and city-wide pools (全市每年不超过100万元): the items of one year that
// count towards one are cut so that what they add up to stays within it.
#include <algorithm>
#include <map>

#include "evaluate.hpp"

namespace skillcalc {

namespace {

// The order in which a cap or a pool takes items: what has happened before plans (a plan never takes the room of
// money already due), and within each certain money first, then money that is not certain, each in event (date)
// order. The text says which total is capped, not which claim is cut; this way a cap reached by certain money stays
// certain, and what is not certain gets what is left.
const std::vector<size_t>& cap_order(const std::vector<Item>& items) {
  thread_local std::vector<size_t> order;  // its capacity kept from call to call
  order.clear();
  for (int pass = 0; pass < 4; ++pass)  // happened and certain, happened, planned and certain, planned
    for (size_t i = 0; i < items.size(); ++i)
      if (2 * items[i].planned + (items[i].total_min != items[i].total_max) == pass) order.push_back(i);
  return order;
}

// The items of `measures` that count, grouped by the year of their event (one group where `yearly` is false), each
// group in cap order.
std::map<int, std::vector<size_t>> groups_of(const std::vector<int>& measures, bool yearly, const Situation& s,
                                             const Evaluation& ev, const std::vector<Item>& items) {
  std::map<int, std::vector<size_t>> years;
  for (size_t i : cap_order(items)) {
    const Item& it = items[i];
    if (!it.counts() || !it.total_known || !std::binary_search(measures.begin(), measures.end(), it.measure)) continue;
    years[yearly ? event_of(ev, s, it).date / 10000 : 0].push_back(i);
  }
  return years;
}

// What a 就高 winner's floor may draw on a cap of the excluded item it rose to (烟台 (七) over (十一): should (七)
// bring less, (十一)'s 2500 is paid, within (十一)'s 每家企业每年不超过10万元); 0 when its own least is no lower.
long long floor_draw(const std::vector<int>& measures, const std::vector<Item>& items, const Item& win) {
  if (win.floor_by < 0 || !win.counts() || !win.total_known) return 0;
  const Item& low = items[static_cast<size_t>(win.floor_by)];
  if (!std::binary_search(measures.begin(), measures.end(), low.measure) || win.total_min <= win.own_min) return 0;
  return win.total_min;  // the floor it rose to (that item's least, within the winner's most)
}

// The items of a cap's measures, and the floors 就高 winners draw on it, each as `items.size() + the winner's
// index`: in cap order, a floor as certain money on its winner's day (it is due whichever item pays it), so that
// a floor of what happened first keeps its room against a later batch.
std::map<int, std::vector<size_t>> groups_with_floors(const Cap& c, const Situation& s, const Evaluation& ev,
                                                      const std::vector<Item>& items) {
  const bool yearly = c.per == Cap::Per::ApplicantYear;
  std::map<int, std::vector<size_t>> years;
  for (int pass = 0; pass < 4; ++pass)
    for (size_t i = 0; i < items.size(); ++i) {
      const Item& it = items[i];
      const int year = yearly ? event_of(ev, s, it).date / 10000 : 0;
      if (it.counts() && it.total_known && std::binary_search(c.measures.begin(), c.measures.end(), it.measure) &&
          2 * it.planned + (it.total_min != it.total_max) == pass)
        years[year].push_back(i);
      if (2 * it.planned == pass && floor_draw(c.measures, items, it) > 0) years[year].push_back(items.size() + i);
    }
  return years;
}

// An item's own least: a 就高 winner's before it rose to the other item's money.
long long own_floor(const Item& it) {
  return it.floor_by >= 0 ? it.own_min : it.total_min;
}

// Items of one tier (what has happened, or the plans) fitted within the room the tiers before them leave: at least
// `floor_room` and at most `ceil_room`. The certain part of each is taken first, in order (so the floors add up to
// the least the total can be), then what each may bring above it (so the ceilings add up to the most).
// A floor drawn by a 就高 winner (an entry `items.size() + its index`, groups_with_floors) takes its room among the
// floors alone: where the winner brings its own most, nothing is drawn, and the others may take the whole room.
void fit_tier(const std::vector<size_t>& tier, long long floor_room, long long ceil_room,
              const std::vector<int>& capped, const std::vector<Item>& items, std::vector<long long>& lo,
              std::vector<long long>& hi) {
  const size_t n = items.size();
  long long floors = 0, own_floors = 0, most = 0;
  for (size_t i : tier) {
    const long long want = i >= n ? floor_draw(capped, items, items[i - n]) : own_floor(items[i]);
    lo[i] = std::max(0LL, std::min(want, floor_room - floors)), floors += lo[i];
    if (i < n) own_floors += lo[i], most += items[i].own_ceiling();
  }
  long long extra = std::max(0LL, std::min(ceil_room, most) - own_floors);
  for (size_t i : tier) {
    if (i >= n) {
      hi[i] = lo[i];
      continue;
    }
    long long more = std::max(0LL, std::min(items[i].own_ceiling() - lo[i], extra));
    hi[i] = lo[i] + more, extra -= more;
  }
}

// A group's items fitted within `limit`, what has happened first and the plans in what it leaves (a plan never
// takes the room of money already due). A winner of 就高 whose floor is another measure's money (floor_by) is cut on
// its own part only: the floor stays, as that measure's (weighed against that measure's caps as a floor entry). `cut`
// is called for each item the limit cuts, with what it was before.
template <class Cut, class Floor>
void fit_within(long long limit, const std::vector<size_t>& group, const std::vector<int>& capped,
                std::vector<Item>& items, Cut cut, Floor floor_left) {
  const size_t n = items.size();
  std::vector<size_t> happened, planned;
  for (size_t i : group) (items[i % n].planned ? planned : happened).push_back(i);
  std::vector<long long> lo(2 * n), hi(2 * n);
  fit_tier(happened, limit, limit, capped, items, lo, hi);
  // The plans' least: what is left when what happened takes its most, a winner's floor too; their most: when it
  // takes its least, a winner bringing its own most (its floor drawn on nothing).
  long long used_lo = 0, used_hi = 0;
  for (size_t i : happened) used_lo += i < n ? lo[i] : 0, used_hi += hi[i];
  fit_tier(planned, limit - std::min(limit, used_hi), limit - used_lo, capped, items, lo, hi);
  for (size_t i : group) {
    if (i >= n) {  // a winner's floor: what of it the cap leaves
      if (lo[i] < floor_draw(capped, items, items[i - n])) floor_left(items[i - n], lo[i]);
      continue;
    }
    Item& it = items[i];
    if (lo[i] >= own_floor(it) && hi[i] >= it.own_ceiling()) continue;
    long long before_min = it.total_min, before_max = it.total_max;
    long long floor = it.floor_by >= 0 ? it.total_min : 0;  // another measure's money, not cut here
    if (it.floor_by >= 0) it.own_min = lo[i], it.own_max = hi[i];
    it.total_min = std::max(lo[i], floor), it.total_max = std::max(hi[i], floor);
    it.status = Status::Capped;
    cut(it, before_min, before_max);
  }
}

}  // namespace

void cap(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  for (size_t ci = 0; ci < m.caps.size(); ++ci) {
    const Cap& c = m.caps[ci];
    if (m.documents[c.doc].city != s.city) continue;
    for (auto& [year, group] : groups_with_floors(c, s, ev, items))
      fit_within(
          c.max_yuan, group, c.measures, items,
          [&](Item& it, long long before_min, long long before_max) {
            it.before_cap_min = before_min, it.before_cap_max = before_max, it.capped_by = static_cast<int>(ci);
          },
          [&](Item& win, long long room) {  // the excluded item pays only what the cap leaves of it
            long long floor = std::max(win.own_min, room);
            if (floor < win.total_min)
              win.total_min = floor, win.floor_cap = static_cast<int>(ci), win.floor_room = room;
          });
  }
}

long long cap_room(const Situation& s, const Evaluation& ev, const std::vector<Item>& items, const Cap& c,
                   const Item& of, bool planned, const std::vector<int>& skip) {
  auto year = [&](const Item& it) { return c.per == Cap::Per::ApplicantYear ? event_of(ev, s, it).date / 10000 : 0; };
  // What the year's other items of the cap that came first are certain to take: a cap gives its room to what
  // happened first (events are in date order), and plans come after what happened.
  long long used = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (std::find(skip.begin(), skip.end(), static_cast<int>(i)) == skip.end() && items[i].counts() &&
        items[i].total_known && year(items[i]) == year(of) && (!items[i].planned || planned) &&
        items[i].event < of.event && std::binary_search(c.measures.begin(), c.measures.end(), items[i].measure))
      used += items[i].total_min;
  return std::max(0LL, c.max_yuan - used);
}

// What the year's counted items of a cap may take at most (their own ceilings), but `skip`: the room a 就高 winner's
// excluded item could still be paid from.
long long ceiling_room(const Situation& s, const Evaluation& ev, const std::vector<Item>& items, const Cap& c,
                       const Item& of, size_t skip) {
  auto year = [&](const Item& it) { return c.per == Cap::Per::ApplicantYear ? event_of(ev, s, it).date / 10000 : 0; };
  long long used = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (i != skip && items[i].counts() && items[i].total_known && year(items[i]) == year(of) &&
        (!items[i].planned || of.planned) && std::binary_search(c.measures.begin(), c.measures.end(), items[i].measure))
      used += items[i].own_ceiling();
  return std::max(0LL, c.max_yuan - used);
}

void cap_ceilings(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  std::map<std::pair<size_t, int>, long long> drawn;  // per cap and year: what raised ceilings already take of it
  for (size_t wi = 0; wi < items.size(); ++wi) {
    Item& win = items[wi];
    if (win.ceil_by < 0 || !win.counts() || !win.total_known || win.counted) continue;
    const Item& low = items[static_cast<size_t>(win.ceil_by)];
    const int year = event_of(ev, s, low).date / 10000;
    long long most = low.total_max;
    std::vector<std::pair<size_t, int>> from;  // the caps it is paid within
    for (size_t ci = 0; ci < m.caps.size(); ++ci) {
      const Cap& c = m.caps[ci];
      if (m.documents[c.doc].city != s.city || !std::binary_search(c.measures.begin(), c.measures.end(), low.measure))
        continue;
      std::pair<size_t, int> key{ci, c.per == Cap::Per::ApplicantYear ? year : 0};
      most = std::min(most, ceiling_room(s, ev, items, c, low, wi) - drawn[key]);
      from.push_back(key);
    }
    if (most <= win.total_max) continue;
    for (auto& key : from) drawn[key] += most;
    if (win.own_max < 0) win.own_max = win.total_max;
    if (win.floor_by < 0) win.own_min = win.total_min;
    win.total_max = most, win.ceil_raised = true;
  }
}

namespace {

// A pool shared pro rata (威海 8. 超过400万元…按比例计算各企业奖励金额) that one applicant's certain items of a year
// exceed alone: each item gets its share of the budget (largest remainders to whole yuan), not the later batch the
// cut; false where an item is planned or not certain (fit_within then fits them in order).
bool prorate_within(long long budget, const std::vector<size_t>& group, std::vector<Item>& items, int pi) {
  long long total = 0;
  for (size_t i : group) {
    const Item& it = items[i];
    if (it.planned || it.total_min != it.total_max) return false;
    total += it.total_max;
  }
  if (total <= budget) return true;
  std::vector<long long> share(group.size()), rest(group.size());
  long long given = 0;
  for (size_t k = 0; k < group.size(); ++k) {
    const long long t = items[group[k]].total_max;  // t * budget / total, exactly, without overflow
    share[k] = t / total * budget + (t % total) * budget / total;
    rest[k] = (t % total) * budget % total;
    given += share[k];
  }
  std::vector<size_t> order(group.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rest[a] > rest[b]; });
  for (size_t k = 0; given < budget && k < order.size(); ++k, ++given) ++share[order[k]];
  for (size_t k = 0; k < group.size(); ++k) {
    Item& it = items[group[k]];
    if (share[k] >= it.total_max) continue;
    it.before_pool_min = it.total_min, it.before_pool_max = it.total_max, it.pooled_by = pi;
    it.total_min = it.total_max = share[k], it.status = Status::Capped;
  }
  return true;
}

}  // namespace

void cap_by_pools(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items) {
  for (size_t pi = 0; pi < m.pools.size(); ++pi) {
    const Pool& p = m.pools[pi];
    if (m.documents[p.doc].city != s.city || p.rule == Pool::Rule::Quota || p.budget_yuan <= 0) continue;
    for (auto& [year, group] : groups_of(p.measures, true, s, ev, items))
      if (p.rule != Pool::Rule::ProRataAbove || !prorate_within(p.budget_yuan, group, items, static_cast<int>(pi)))
        fit_within(
            p.budget_yuan, group, {}, items,
            [&](Item& it, long long before_min, long long before_max) {
              it.before_pool_min = before_min, it.before_pool_max = before_max, it.pooled_by = static_cast<int>(pi);
            },
            [](Item&, long long) {});
  }
}

namespace {

// One year's items under the yearly caps of one applicant: which caps they are under, and what they add up to.
struct CapYear {
  std::vector<int> caps;  // the caps with an item of the year, paid or excluded under 就高
  long long due_min = 0, due_max = 0, plan_max = 0;
};

std::map<int, CapYear> cap_years(const Model& m, const Situation& s, const Evaluation& ev,
                                 const std::vector<Item>& items, const std::vector<int>& caps) {
  std::map<int, CapYear> years;
  for (const Item& it : items) {
    if (!it.counts() && it.status != Status::Excluded) continue;
    CapYear* y = nullptr;
    for (int ci : caps) {
      const Cap& c = m.caps[static_cast<size_t>(ci)];
      if (!std::binary_search(c.measures.begin(), c.measures.end(), it.measure)) continue;
      y = &years[event_of(ev, s, it).date / 10000];
      if (std::find(y->caps.begin(), y->caps.end(), ci) == y->caps.end()) y->caps.push_back(ci);
    }
    if (!y || !it.counts() || !it.total_known || !it.for_applicant) continue;
    if (it.planned)
      y->plan_max += it.total_max;
    else
      y->due_min += it.total_min, y->due_max += it.total_max;
  }
  return years;
}

std::vector<int> yearly_caps(const Model& m, const Situation& s) {
  std::vector<int> caps;  // the city's yearly caps of one applicant
  for (size_t ci = 0; ci < m.caps.size(); ++ci)
    if (m.documents[m.caps[ci].doc].city == s.city && m.caps[ci].per == Cap::Per::ApplicantYear)
      caps.push_back(static_cast<int>(ci));
  return caps;
}

long long bound_of(const Model& m, const CapYear& y) {
  long long bound = 0;
  for (int ci : y.caps) bound += m.caps[static_cast<size_t>(ci)].max_yuan;
  return bound;
}

}  // namespace

std::pair<long long, long long> due_span_within_caps(const Model& m, const Situation& s, const Evaluation& ev,
                                                     const std::vector<Item>& items) {
  long long lo = 0, hi = 0;
  for (const Item& it : items)
    if (it.counts() && it.total_known && it.for_applicant && !it.planned) lo += it.total_min, hi += it.total_max;
  const std::vector<int> caps = yearly_caps(m, s);
  if (caps.size() < 2) return {lo, hi};
  for (auto& [year, y] : cap_years(m, s, ev, items, caps))
    if (y.caps.size() >= 2 && y.due_max > bound_of(m, y)) hi -= y.due_max - bound_of(m, y);
  return {lo, std::max(lo, hi)};
}

namespace {

// The year's items under `caps` that count for the applicant, due or planned, the latest first.
std::vector<size_t> latest_first(const Model& m, const Situation& s, const Evaluation& ev, const CapYear& y, int year,
                                 bool planned) {
  std::vector<size_t> out;
  for (size_t i = 0; i < ev.items.size(); ++i) {
    const Item& it = ev.items[i];
    if (!it.counts() || !it.total_known || !it.for_applicant || it.planned != planned ||
        event_of(ev, s, it).date / 10000 != year)
      continue;
    for (int ci : y.caps) {
      const Cap& c = m.caps[static_cast<size_t>(ci)];
      if (std::binary_search(c.measures.begin(), c.measures.end(), it.measure)) {
        out.push_back(i);
        break;
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [&](size_t a, size_t b) {
    return event_of(ev, s, ev.items[a]).date > event_of(ev, s, ev.items[b]).date;
  });
  return out;
}

// Cuts `excess` off the most of those items, the latest first, none below its least (a cap gives its room to what
// happened first).
void cut_latest(Evaluation& ev, const std::vector<size_t>& latest, long long excess) {
  for (size_t i : latest) {
    if (excess <= 0) break;
    Item& it = ev.items[i];
    const long long take = std::min(excess, it.total_max - it.total_min);
    it.total_max -= take, excess -= take;
    if (it.own_max > it.total_max) it.own_max = it.total_max;
  }
}

}  // namespace

void bound_totals_by_caps(const Model& m, const Situation& s, Evaluation& ev) {
  const std::vector<int> caps = yearly_caps(m, s);
  if (caps.empty()) return;
  for (auto& [year, y] : cap_years(m, s, ev, ev.items, caps)) {
    // One cap fits its items within it (cap): only two or more, each fitting its own, may add up to more.
    const long long bound = bound_of(m, y);
    if (y.caps.size() >= 2 && y.due_max > bound) {
      cut_latest(ev, latest_first(m, s, ev, y, year, false), y.due_max - bound);
      ev.bounded.push_back({year, false, y.due_max, bound, y.caps});
    }
    const long long room = std::max(0LL, bound - y.due_min);  // a plan never takes the room of money due
    if (y.caps.size() >= 2 && y.plan_max > room) {
      cut_latest(ev, latest_first(m, s, ev, y, year, true), y.plan_max - room);
      ev.bounded.push_back({year, true, y.plan_max, room, y.caps});
    }
    const long long due = std::min(y.due_max, bound), plan = std::min(y.plan_max, room);
    if (plan > 0 && due + plan > bound) ev.bounded.push_back({year, true, plan, bound, y.caps, true, due});
  }
}

}  // namespace skillcalc
