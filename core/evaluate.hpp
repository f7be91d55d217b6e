// Evaluation: which measures a situation's events meet, for how much, and how stacking rules, caps and newer
// documents settle the items.
#pragma once
#include <vector>

#include "model.hpp"
#include "situation.hpp"

namespace skillcalc {

enum class Status : uint8_t { Granted, Capped, Excluded, Superseded, OutsidePeriod, NonMonetary };
const char* status_name(Status s);

struct Item {
  int measure = -1, event = -1, option = -1;  // event: index into Situation::events, -1 for the standing event
  Status status = Status::Granted;
  const Amount* amount = nullptr;        // the amount of the option taken, or of the measure
  long long unit_min = 0, unit_max = 0;  // per head and period
  bool unit_known = true;
  long long base = 0;         // percent: the figure the percentage applies to
  long long percent_fen = 0;  // …and the share of it in fen, exactly, before any cap (the amounts are its whole yuan)
  bool percent_capped = false;
  long long heads = 1, periods_min = 1, periods_max = 1;
  bool heads_assumed = false;  // a unit's event that gives no number of people: one person, and the result says so
  bool heads_unknown = false;  // …unless the option taken asks that number (a threshold on it): then no total
  bool periods_known = true;
  bool total_known = false;
  long long total_min = 0, total_max = 0;
  long long before_cap_min = 0, before_cap_max = 0;
  int excluded_by = -1, stacking = -1;  // winner item, stacking rule
  int capped_by = -1;                   // cap index
  int superseded_by = -1;               // the newer measure that governs this event
  std::vector<int> more_events;         // per-year thresholds: the other events of the year that count
  const Option* blank = nullptr;        // the option taken stands for facts left blank: 0 … amount, not certain
  std::vector<Path> asked;              // city-bound facts its conditions read, asked again here: not certain
  bool team = false;                    // a team's award shown to a member: their share is unknown
  bool team_unsaid = false;   // won as a team, under a text that names only 选手: per member or shared, not stated
  std::string recipient;      // who receives it: an applicant kind, or "team"
  bool for_applicant = true;  // false: someone else receives it (workers, a partner, the team, the employer)
  int pooled_by = -1;         // a city-wide pool whose whole budget this item exceeds (Model::pools)
  long long before_pool_min = 0, before_pool_max = 0;
  bool planned = false;  // its event is dated after as_of: a plan, not yet money (never in the totals)
  // A plan over money already due: a yearly total's plan (每年…以上, some of the year's events dated after as_of),
  // or a plan that would beat a result that has happened under 就高 (counted_item: that result's item). What has
  // happened is counted in the totals by its own item; this one's total is what the plan adds.
  bool counted = false;
  int counted_item = -1;
  long long counted_min = 0, counted_max = 0;
  long long whole_min = 0, whole_max = 0;  // what the plan pays in all once it happens
  // 就高 (Stacking::lower_is_floor): the item this one excluded whose money it brings at least (total_min rose to it)
  int floor_by = -1;
  long long own_min = 0;  // its total_min before it rose to that item's money
  // …and its own money's ceiling where a cap of its measure cut that below the floor (-1: total_max): what it counts
  // in its measure's cap and pool (烟台 (七) 最高5万元 spent on one batch: the next batches get (十一)'s 2500 each).
  long long own_max = -1;
  // 按最高成绩: the best result's own most before it rose to an earlier, lower-level result's higher amount (-1: it
  // did not), which may have been paid when it happened and is not taken back (stacking.cpp keep_paid_before).
  long long paid_before_max = -1;
  // …and the item it excluded that may bring the most (就高), should a cap leave this one less than that: its most
  // is then that item's (ceil_raised; own_max keeps this one's own), as that item would be paid instead.
  int ceil_by = -1;
  bool ceil_raised = false;
  long long own_ceiling() const { return (floor_by >= 0 || ceil_raised) && own_max >= 0 ? own_max : total_max; }
  // …and the cap that item's own measure has (每家企业每年不超过10万元), when what the other items of its year already
  // take leaves it less: the floor is then only what that cap leaves (floor_room), never money the cap would cut.
  int floor_cap = -1;
  long long floor_room = 0;
  // 同一竞赛项目按照最高成绩奖励: the event of a higher result of the same person where its project or this one's is
  // left blank: if they are one project only that one is paid, so this one is not certain (0 … amount, the project
  // asked).
  int project_of = -1;
  // The same for a unit: the event of a better result of the same named contest project, which may be the same
  // competitor's (paid once, for the best) or another's (paid too): not certain, 0 … amount.
  int competitor_of = -1;
  // 每人每月: a person's second term of the same monthly allowance that overlaps an earlier one (selected again while
  // still in office, or the same title entered twice): the months already paid are not paid twice.
  int overlaps = -1;              // the event of the earlier term
  long long overlap_periods = 0;  // the months of this term it already covers
  long long periods_given = 0;    // the user's own number of periods, where the text's longest term cut it
  int open_overlap = -1;          // …where neither term's length is stated: the event of the earlier one (said only)
  // …where the earlier term began before the document (outside its period): its months in this term may be paid under
  // it already, so they are not certain here (this term's least leaves them out): the earlier event, and the months.
  int prior_term = -1;
  long long prior_term_periods = 0;
  // 新晋升 (Measure::new_level): the event of a higher level the person already held: if it is the same occupation,
  // this is no promotion, so this one is not certain (0 … amount).
  int below = -1;
  // The same title of a measure selected in rounds (Measure::reselected) obtained again on another day: whether a
  // person selected again is rewarded again is not stated, so this one is not certain (0 … amount); the earlier event.
  int again_of = -1;
  bool counts() const { return status == Status::Granted || status == Status::Capped; }
  // Not certain money: a blank fact of its option, a city-bound fact asked again, a contest project left blank, a
  // level below one already held, a title obtained again, or months an earlier term from before the document covers.
  bool uncertain() const {
    return blank || !asked.empty() || project_of >= 0 || competitor_of >= 0 || below >= 0 || again_of >= 0 ||
           prior_term >= 0;
  }
};

struct Evaluation {
  Event
      standing;  // the stand-in event of measures that need none (what a kind of applicant may always do), dated as_of
  std::vector<Item> items;
  std::vector<int> missed;  // measures of the city the applicant could still meet (for suggestions)
  long long total_min = 0, total_max = 0;
  // Money that others receive because of this situation, per recipient (never in the totals).
  std::vector<std::pair<std::string, std::pair<long long, long long>>> other_totals;
  long long planned_min = 0, planned_max = 0;  // what planned items would bring once their events happen
  // Events of a yearly total (Measure::per_year) dated outside its document's period, in a year some of whose events
  // are inside it: they do not count toward that year's threshold (in the document's first year, what came before it
  // took effect), and the result says so (documents.hpp left_out_words).
  struct LeftOut {
    int measure = -1;
    std::vector<int> events;  // indices into Situation::events, in date order
    long long count = 0;      // what they add up to of the measure's per_year field
    bool count_known = true;  // false: one of them leaves it blank
  };
  std::vector<LeftOut> left_out;
  // A year whose items under two or more yearly caps of one applicant add up, at their most, to more than the caps
  // allow together (烟台 (七) beside (十一): each batch's most comes with another's least): the totals' most is cut to
  // what the caps leave, and the result says so (caps.cpp bound_totals_by_caps).
  struct YearBound {
    int year = 0;
    bool planned = false;   // the planned_totals' most (within what the caps leave beside the money due)
    long long most = 0;     // what the items' most add up to
    long long bound = 0;    // what the caps leave
    std::vector<int> caps;  // indices into Model::caps
    // Not a cut but a word: the money due at its most and the plans at theirs add up to more than the caps allow
    // together (济宁 (三): two programmes of 0 to 500,000 due, a third planned): `due` and `most` cannot both be had.
    bool together = false;
    long long due = 0;
  };
  std::vector<YearBound> bounded;
};

// Fills `out`; false with `err` set when an amount would be absurd (overflowing counts).
bool evaluate(const Model& m, const Situation& s, Evaluation& out, InputError& err);

bool holds(const std::vector<Condition>& when, const Event& e, const Situation& s);
// Whether the event is of the type the measure meets: by symbol where both have one, else by name.
inline bool same_type(const Measure& x, const Event& e) {
  if (x.event_id >= 0 && e.type_id >= 0)
    return x.event_id == e.type_id || (x.also_event_id >= 0 && x.also_event_id == e.type_id && !e.level_lent);
  return x.event == e.type || (!x.also_event.empty() && x.also_event == e.type && !e.level_lent);
}
bool holds(const Condition& c, const Event& e, const Situation& s);

// The item's totals from its amount per head and period, its heads and its periods.
void set_totals(Item& it);

// A person's overlapping terms of one monthly allowance (terms.cpp): the later term loses the months the earlier
// one already pays.
void trim_overlapping_terms(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);
void note_terms_begun_before(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// A person's one-time award for a title entered twice (terms.cpp): the later is excluded, naming the first (one is
// named 全国技术能手 once; a second selection to a monthly allowance is a term, trimmed above, not a repeat).
void drop_repeated_titles(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// Whether a measure that some event meets would also apply to another event of the situation but for facts it leaves
// blank, so that its suggestion stays (blank_facts.cpp).
bool open_elsewhere(const Model& m, int mi, const Situation& s, const Evaluation& ev);

// Item::stacking of an item excluded as not a person's first event of a first_only measure (首次新引进).
constexpr int kFirstOnly = -2;

// 首次: a person's later event of a first_only measure is excluded, naming the first, whatever its status (terms.cpp).
void drop_later_firsts(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// Item::stacking of an item excluded as the yearly review of a platform an earlier event built (review_later).
constexpr int kReviewOfEarlier = -3;

// A later event of a review_later measure's platform that states its review: excluded, naming the construction
// (terms.cpp).
void drop_reviews_of_earlier(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// A platform's event that leaves its review blank asks it only while no review is entered apart: once a later event
// of the same platform states its review (考核优秀 or not), the built event's blank review is no further review, and
// its items that ask it are dropped (terms.cpp).
void drop_reviews_entered_apart(const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// Item::stacking of an item excluded as a person's yearly review entered twice (yearly_review, one day).
constexpr int kSameReview = -4;

// A person's two yearly reviews of a yearly_review measure in one calendar year: of one day, the later is excluded as
// entered twice; of two days, it runs from 0 (again_of), being perhaps another year's review (terms.cpp).
void drop_repeated_reviews(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// Item::stacking of an item excluded as a person's result of one contest project at one tier on one day again.
constexpr int kSameResult = -5;

// A person's two results of one named contest project at one tier on one day, under a measure no stacking rule
// ranks: one result entered twice (the later excluded), or two places of which only one can be the person's (the
// better kept) (terms.cpp).
void drop_repeated_results(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// The same right without money given by several events (of one measure, or of measures naming one right:
// same_right_as): one item on the earliest, naming the others (terms.cpp).
void merge_repeated_rights(const Model& m, const Situation& s, std::vector<Item>& items);

// Terms of one title's monthly allowance without a stated length: the later says a month is paid once (terms.cpp).
void note_open_terms(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// 新晋升: a person's level below one already held (an earlier event) is not certain money (terms.cpp).
void mark_levels_below_held(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// Caps per applicant (per year) and city-wide pools (caps.cpp): a year's items of one are cut so that what they add
// up to stays within it, their floors first and their ceilings after; a 就高 winner on its own part only, its floor
// from an excluded item of a capped measure taking that cap's room as certain money on the winner's day.
void cap(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);
// A city-wide pool (WH25 8.: 全市企业申报奖励总额 above 4,000,000 is shared pro rata) can never pay one applicant more
// than its whole budget in a year, whatever the other claims. Batch mode (budget.cpp) settles the pool from the
// claims as made (before_pool_*), not from this cut.
void cap_by_pools(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// What cap `c` leaves for item `of`: its most less what the cap's other items of `of`'s year (of the whole span, for
// a cap per applicant) are certain to bring; plans count only where `planned`; the items `skip` names do not count.
long long cap_room(const Situation& s, const Evaluation& ev, const std::vector<Item>& items, const Cap& c,
                   const Item& of, bool planned, const std::vector<int>& skip);
// A 就高 winner that a cap or pool left below the most an item it excluded may bring: it rises to that item's most
// (within that item's own caps), as that item is paid instead when it brings more.
void cap_ceilings(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);
// The most of each year's items cut, the latest first, to what the yearly caps of one applicant allow together, where
// they add up to more (Evaluation::bounded), so that the totals, added up after, are within them.
void bound_totals_by_caps(const Model& m, const Situation& s, Evaluation& ev);
// What the applicant's items due add up to, least and most, the most of each year within what its yearly caps allow
// together (as bound_totals_by_caps cuts the totals).
std::pair<long long, long long> due_span_within_caps(const Model& m, const Situation& s, const Evaluation& ev,
                                                     const std::vector<Item>& items);

// 就高不重复 and 按最高成绩奖励 (stacking.cpp): items of one stacking rule that reward the same achievement keep only
// the best; the others are excluded.
void stack(const Model& m, const Situation& s, const Evaluation& ev, std::vector<Item>& items);

// The facts an item stands for without knowing them: the blank ones its option asks, the city-bound ones asked again.
std::vector<Path> facts_asked(const Item& it);

inline const Event& event_of(const Evaluation& ev, const Situation& s, const Item& it) {
  return it.event >= 0 ? s.events[it.event] : ev.standing;
}

}  // namespace skillcalc
