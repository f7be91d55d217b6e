// The arithmetic of shares (budget.hpp): an amount apportioned pro rata in whole yuan by the largest-remainder
// method, and each applicant's amount split between its payers. Integers only; products in 128 bits.
#include <algorithm>
#include <numeric>

#include "budget.hpp"

namespace skillcalc {

using i128 = __int128;

std::vector<long long> apportion(long long amount, const std::vector<long long>& weights) {
  std::vector<long long> out(weights.size(), 0);
  i128 total = 0;
  for (long long w : weights) total += w > 0 ? w : 0;
  if (total <= 0 || amount <= 0) return out;
  std::vector<std::pair<long long, size_t>> rem;  // remainder, row
  rem.reserve(weights.size());
  i128 given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    i128 exact = static_cast<i128>(amount) * weights[i];
    out[i] = static_cast<long long>(exact / total);
    given += out[i];
    long long r = static_cast<long long>(exact % total);  // < total <= 2^63 in practice (weights are yuan)
    if (r > 0) rem.push_back({r, i});
  }
  long long left = static_cast<long long>(amount - given);  // < number of rows with a remainder
  auto larger = [](const std::pair<long long, size_t>& a, const std::pair<long long, size_t>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  if (left > 0 && static_cast<size_t>(left) < rem.size())
    std::nth_element(rem.begin(), rem.begin() + left, rem.end(), larger);
  for (long long k = 0; k < left && k < static_cast<long long>(rem.size()); ++k) ++out[rem[k].second];
  return out;
}

std::vector<std::vector<long long>> split_payers(const std::vector<long long>& rows,
                                                 const std::vector<std::pair<long long, long long>>& shares) {
  const size_t n = rows.size(), k = shares.size();
  std::vector<std::vector<long long>> out(n, std::vector<long long>(k, 0));
  if (k == 0) return out;
  // Shares over a common denominator.
  long long den = 1;
  for (auto& s : shares) den = std::lcm(den, s.second > 0 ? s.second : 1);
  std::vector<long long> w(k);
  for (size_t j = 0; j < k; ++j) w[j] = shares[j].first * (den / (shares[j].second > 0 ? shares[j].second : 1));
  long long total = 0;
  for (long long r : rows) total += r;
  std::vector<long long> column = apportion(total, w);
  long long wsum = 0;
  for (long long x : w) wsum += x;
  if (wsum <= 0) return out;
  // What each row can still take beyond the floors of every column.
  std::vector<long long> slack(n);
  std::vector<std::vector<long long>> rem(n, std::vector<long long>(k));
  for (size_t i = 0; i < n; ++i) {
    long long floors = 0;
    for (size_t j = 0; j < k; ++j) {
      i128 exact = static_cast<i128>(rows[i]) * w[j];
      out[i][j] = static_cast<long long>(exact / wsum);
      rem[i][j] = static_cast<long long>(exact % wsum);
      floors += out[i][j];
    }
    slack[i] = rows[i] - floors;
  }
  for (size_t j = 0; j + 1 < k; ++j) {
    long long floors = 0;
    for (size_t i = 0; i < n; ++i) floors += out[i][j];
    long long left = column[j] - floors;
    std::vector<size_t> order;
    for (size_t i = 0; i < n; ++i)
      if (rem[i][j] > 0 && slack[i] > 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rem[a][j] > rem[b][j]; });
    for (size_t t = 0; t < order.size() && left > 0; ++t, --left) ++out[order[t]][j], --slack[order[t]];
    for (size_t i = 0; i < n && left > 0; ++i)  // only where the shares cannot be met row by row (three payers or more)
      while (slack[i] > 0 && left > 0) ++out[i][j], --slack[i], --left;
  }
  for (size_t i = 0; i < n; ++i) {
    long long rest = rows[i];
    for (size_t j = 0; j + 1 < k; ++j) rest -= out[i][j];
    out[i][k - 1] = rest;
  }
  return out;
}

}  // namespace skillcalc
