// The steps of settle_budget (budget.cpp), internal to core/: reading the claims (budget_read.cpp), grouping what
// each applicant counts into pools' years (budget_group.cpp), settling a pool's year (budget_settle.cpp), writing
// the answer (budget_json.cpp). The arithmetic of shares, apportion and split_payers, is budget_apportion.cpp.
#pragma once
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "day.hpp"
#include "model.hpp"

namespace skillcalc::budget {

using ojson = nlohmann::ordered_json;
using json = nlohmann::json;

struct Err {
  std::string code, path, zh, en;
};

// The claims left out and why, in the order found (written sorted by claim). Each names the city its claim gives, so
// that a settlement filtered by city keeps it.
struct Errors {
  ojson list = ojson::array();
  size_t skipped_claims = 0;
  const std::vector<std::string>* claims = nullptr;  // the claims, each error's city read from its own
  // The applicants the errors name (by name_key), whatever the fault: summary.applicants_with_errors. Of them, those
  // that no claim read without fault names (an applicant whose only claim was refused as it was read, an unreadable
  // claim's "#n"): applicants all the same, counted in summary.applicants beside those read.
  std::unordered_set<std::string> named;
  size_t unread_applicants = 0;
  // `skipped`: the claims left out because of it (several when merged claims of one applicant fail together);
  // none given: the claim `input` alone.
  void add(int input, const std::string& applicant, const Err& e, const std::vector<int>& skipped = {});
};

// The model's pools, as the steps look them up.
struct PoolIndex {
  std::vector<std::vector<int>> pools_of;              // per measure: the pools it counts towards
  std::unordered_map<std::string, int> measure_index;  // clause id -> measure
  explicit PoolIndex(const Model& m);
};

// One applicant: one claim, or several claims with the same id merged into one situation (so that caps per
// applicant span all of them).
struct Applicant {
  std::string id;
  std::vector<int> inputs;  // 0-based indices of the claims
  std::string_view bare;    // a bare situation, evaluated as given
  json merged;              // the situation of several merged claims
  bool envelope = false, is_merged = false;
  std::vector<std::pair<int, int>> origin;                 // merged: per event, its claim and its index there
  std::vector<std::string> given_ids;                      // merged: per event, its id as its claim gave it
  std::unordered_set<std::string_view> texts;              // merged: its claims' lines (a claim given twice)
  std::vector<std::pair<std::string, long long>> claimed;  // clause id -> yuan, as the claims state it
  const std::string* city = nullptr;                       // evaluated: its city (a key of Model::city_documents)
};

struct Slot {  // an applicant in a pool's year
  int applicant = -1;
  long long claimed = 0, heads = 0;
  // 就高: the least the applicant is due for the same achievement by another item outside the pool (烟台 (七) beside
  // (十一)), and that item's measure; a share of the pool below it is not taken: that item pays instead.
  long long floor = 0;
  int floor_measure = -1;
  bool upper_bound = false, given = false, unknown = false;
};

struct Group {  // a pool's year
  int pool = -1, year = 0;
  std::vector<Slot> slots;
  struct NotCounted {
    int applicant = -1;
    std::string clause;
    bool planned = false;  // its event is after the claim's as_of (else: no total known)
  };
  std::vector<NotCounted> not_counted;
};
using Groups = std::map<std::pair<int, int>, Group>;  // (pool, year)

struct CapHit {  // a cap per applicant that bit, with the applicant's items of it before and after
  int applicant = -1, cap = -1, year = 0;
  long long before_min = 0, before_max = 0, after_min = 0, after_max = 0;
};

// 1. Reading: the claims read and checked; those that name the same applicant merged. Faults go to `errors`.
std::vector<Applicant> read_claims(const std::vector<std::string>& claims, const PoolIndex& ix, Errors& errors);
// The situation of an envelope claim already read once without fault.
json envelope_situation(std::string_view text);
// The city a claim's situation gives, as written; "" when it gives none or the claim cannot be read at all.
std::string claim_city(std::string_view text);

// An applicant settled without fault that counts towards no pool (a claim dated before its pool's document, a
// person's claim): listed with the reason, never left out of the answer without a word.
struct Unpooled {
  int applicant = -1;
  std::string zh, en;
};

// 2. Grouping: each applicant evaluated; the caps that bit noted; what it counts towards each pool's year gathered.
struct Gathered {
  Groups groups;
  std::vector<CapHit> cap_hits;
  std::vector<Unpooled> unpooled;  // in the order of the applicants
};
Gathered group_claims(const Model& m, const PoolIndex& ix, const std::vector<std::string>& claims, Day today,
                      std::vector<Applicant>& apps, Errors& errors);

// 3. Settling: the pools' years in the order written (city, year, pool), and a money pool's year settled.
std::vector<const Group*> pool_order(const Model& m, const Groups& groups);
struct Settlement {
  std::vector<long long> alloc;                         // per slot
  std::vector<std::vector<long long>> split;            // per slot, per payer
  std::vector<std::pair<long long, long long>> shares;  // per payer of the pool's first measure
  std::vector<long long> payer_total;                   // per payer
  long long total = 0, allocated = 0;                   // claimed, allocated
  bool full = false;                                    // claims within the budget: paid in full
  std::vector<char> left;  // per slot: its share fell below its floor, so the other item pays it, not the pool
};
Settlement settle_pool(const Model& m, const Group& g);

// What each applicant and the whole batch claimed, were allocated and are paid by whom, over the money pools.
struct Sums {
  long long claimed = 0, allocated = 0;
  std::vector<std::pair<std::string, long long>> payers;  // in order of first appearance
  void add(const std::string& who, long long y);
};
struct Tally {
  Sums grand;
  std::vector<Sums> per_app;
  std::vector<char> in_money_pool;
  std::vector<std::vector<std::string>> quotas;  // per applicant, the quota pools it counts in
  // per applicant: an allocation not to pay from yet (an upper bound, or a share that an upper bound beside it sets)
  std::vector<char> provisional;
  bool any_provisional = false;
  explicit Tally(size_t applicants)
      : per_app(applicants), in_money_pool(applicants, 0), quotas(applicants), provisional(applicants, 0) {}
};
void tally_pool(const Model& m, const Group& g, const Settlement& s, Tally& t);

// 4. Writing: the whole answer (README "Budget").
std::string write_settlement(const Model& m, size_t claims, const std::vector<Applicant>& apps, const Gathered& g,
                             Errors& errors);

}  // namespace skillcalc::budget
