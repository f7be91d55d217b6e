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

Settlement settle_pool(const Model& m, const Group& g) {
  const Pool& pl = m.pools[g.pool];
  Settlement s;
  std::vector<long long> claimed;
  claimed.reserve(g.slots.size());
  for (auto& sl : g.slots) claimed.push_back(sl.claimed), s.total += sl.claimed;
  s.full = s.total <= pl.budget_yuan;
  s.alloc = s.full ? claimed : apportion(pl.budget_yuan, claimed);
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
    pa.claimed += sl.claimed;
    pa.allocated += s.alloc[i];
    for (size_t k = 0; k < s.shares.size(); ++k) pa.add(first.payers[k].who, s.split[i][k]);
  }
  for (size_t k = 0; k < s.shares.size(); ++k) t.grand.add(first.payers[k].who, s.payer_total[k]);
  t.grand.claimed += s.total;
  t.grand.allocated += s.allocated;
}

}  // namespace skillcalc::budget
