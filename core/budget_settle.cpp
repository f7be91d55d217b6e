// Step 3 of the budget: settling each pool's year. A money pool pays the claims in full when they total no more than
// its budget, otherwise shares the budget pro rata (apportion); each applicant's part is split between the payers of
// the pool's measures in their shares (split_payers). What each applicant and the batch get is tallied over pools.
#include <algorithm>

#include "budget.hpp"
#include "budget_parts.hpp"
#include "load.hpp"

namespace skillcalc::budget {

std::vector<const Group*> pool_order(const Model& m, const Groups& groups) {
  std::vector<const Group*> order;
  for (auto& [k, g] : groups) order.push_back(&g);
  std::stable_sort(order.begin(), order.end(), [&](const Group* a, const Group* b) {
    const std::string& ca = m.documents[m.pools[a->pool].doc].city;
    const std::string& cb = m.documents[m.pools[b->pool].doc].city;
    return ca != cb ? ca < cb : a->year != b->year ? a->year < b->year : a->pool < b->pool;
  });
  return order;
}

namespace {

// Of the slots whose share is below their floor (就高: another item pays them more), the one furthest below, by the
// share of its claim the floor needs (floor ÷ claimed, compared as products); -1 when none is below.
int furthest_below_floor(const Group& g, const Settlement& s) {
  int worst = -1;
  for (size_t i = 0; i < g.slots.size(); ++i) {
    const Slot& sl = g.slots[i];
    if (s.left[i] || sl.floor <= 0 || s.alloc[i] >= sl.floor) continue;
    if (worst < 0) {
      worst = static_cast<int>(i);
      continue;
    }
    const Slot& w = g.slots[static_cast<size_t>(worst)];
    if (static_cast<__int128>(sl.floor) * w.claimed > static_cast<__int128>(w.floor) * sl.claimed)
      worst = static_cast<int>(i);
  }
  return worst;
}

// The slots with a floor, the highest floor ÷ claimed first (compared as products), in their order where equal: the
// order in which furthest_below_floor would pick them.
std::vector<size_t> by_floor_share(const Group& g) {
  std::vector<size_t> order;
  for (size_t i = 0; i < g.slots.size(); ++i)
    if (g.slots[i].floor > 0) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Slot &x = g.slots[a], &y = g.slots[b];
    return static_cast<__int128>(x.floor) * y.claimed > static_cast<__int128>(y.floor) * x.claimed;
  });
  return order;
}

// Whether a slot's share is below its floor whatever the largest remainders give: its pro rata part rounded down,
// plus the one yuan a remainder may add, is still short (or, the pool paying in full, its claim is).
bool surely_below_floor(const Slot& sl, long long budget, long long total) {
  if (total <= budget) return sl.claimed < sl.floor;
  long long part = static_cast<long long>(static_cast<__int128>(budget) * sl.claimed / total);
  return part + 1 < sl.floor;
}

}  // namespace

// Shared pro rata when the claims exceed the budget; a claim whose share falls below what 就高 gives it under another
// item leaves the pool (that item pays it), one at a time, the furthest below first, and the rest is shared again.
// The furthest below is the remaining slot of highest floor ÷ claimed whenever that one is below at all; while it is
// surely below, it leaves without the pool being shared again (a bureau's batch may withdraw tens of thousands).
Settlement settle_pool(const Model& m, const Group& g) {
  const Pool& pl = m.pools[g.pool];
  Settlement s;
  s.left.assign(g.slots.size(), 0);
  std::vector<long long> claimed(g.slots.size(), 0);
  const std::vector<size_t> order = by_floor_share(g);
  size_t top = 0;
  long long remaining = 0;
  for (auto& sl : g.slots) remaining += sl.claimed;
  while (true) {
    while (top < order.size() && s.left[order[top]]) ++top;
    if (top < order.size() && surely_below_floor(g.slots[order[top]], pl.budget_yuan, remaining)) {
      s.left[order[top]] = 1, remaining -= g.slots[order[top]].claimed;
      continue;
    }
    s.total = 0;
    for (size_t i = 0; i < g.slots.size(); ++i) claimed[i] = s.left[i] ? 0 : g.slots[i].claimed, s.total += claimed[i];
    s.full = s.total <= pl.budget_yuan;
    s.alloc = s.full ? claimed : apportion(pl.budget_yuan, claimed);
    int below = furthest_below_floor(g, s);
    if (below < 0) break;
    s.left[static_cast<size_t>(below)] = 1, remaining -= g.slots[static_cast<size_t>(below)].claimed;
  }
  for (auto& py : m.measures[pl.measures[0]].payers) s.shares.push_back(parse_share(py.share));
  s.split = split_payers(s.alloc, s.shares);
  s.payer_total.assign(s.shares.size(), 0);
  for (size_t i = 0; i < g.slots.size(); ++i) {
    s.allocated += s.alloc[i];
    for (size_t k = 0; k < s.shares.size(); ++k) s.payer_total[k] += s.split[i][k];
  }
  return s;
}

void Sums::add(const std::string& who, long long y) {
  for (auto& p : payers)
    if (p.first == who) return void(p.second += y);
  payers.push_back({who, y});
}

void tally_pool(const Model& m, const Group& g, const Settlement& s, Tally& t) {
  const Measure& first = m.measures[m.pools[g.pool].measures[0]];
  for (size_t i = 0; i < g.slots.size(); ++i) {
    const Slot& sl = g.slots[i];
    Sums& pa = t.per_app[sl.applicant];
    t.in_money_pool[sl.applicant] = 1;
    pa.claimed += s.left[i] ? 0 : sl.claimed;
    pa.allocated += s.alloc[i];
    for (size_t k = 0; k < s.shares.size(); ++k) pa.add(first.payers[k].who, s.split[i][k]);
  }
  for (size_t k = 0; k < s.shares.size(); ++k) t.grand.add(first.payers[k].who, s.payer_total[k]);
  t.grand.claimed += s.total;
  t.grand.allocated += s.allocated;
}

}  // namespace skillcalc::budget
