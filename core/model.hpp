// The rules, compiled from JSON into plain structs once at load, so that evaluation reads no JSON.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "symbols.hpp"

namespace skillcalc {

struct Text {
  std::string zh, en;
};

// A calendar day as yyyymmdd; 0 means none.
using Day = int32_t;
constexpr Day kNoEnd = 99991231;

struct Value {
  enum class Kind : uint8_t { Absent, Int, Bool, Text };
  Kind kind = Kind::Absent;
  bool b = false;
  long long i = 0;
  std::string s;
  int sym = -1;  // the text's symbol (symbols.hpp) where the vocabulary knows it
  bool operator==(const Value& o) const {
    return kind == o.kind && (kind == Kind::Int    ? i == o.i
                              : kind == Kind::Bool ? b == o.b
                              : kind == Kind::Text ? (sym >= 0 && o.sym >= 0 ? sym == o.sym : s == o.s)
                                                   : true);
  }
};

struct Path {
  enum class Scope : uint8_t { Event, Applicant } scope = Scope::Event;
  std::string field;
  int id = -1;  // the field name's symbol (symbols.hpp), found at load
  std::string text() const { return (scope == Scope::Event ? "event." : "applicant.") + field; }
};

struct Test {
  enum class Kind : uint8_t { Eq, In, NotIn, Range, Present } kind = Kind::Eq;
  std::vector<Value> values;
  bool has_min = false, has_max = false, present = true;
  long long min = 0, max = 0;
};

struct FieldDef;

struct Condition {
  Path path;
  Test test;
  // Found once at load for the measure's event type (closeness.cpp, claim_json.cpp), so that a result looks nothing
  // up by name: the field's definition, the indices of the enum values the test names, the words that name the field.
  bool resolved = false;
  const FieldDef* def = nullptr;
  std::vector<int> wanted;  // index in def->values of each test value (-1: not one of them)
  std::string_view label_zh, label_en;
};

struct Amount {
  enum class Kind : uint8_t { Fixed, Range, UpTo, Floor, Percent, Unstated, None } kind = Kind::None;
  long long yuan = 0, min_yuan = 0, max_yuan = 0, percent = 0;
  bool has_cap = false;  // percent with max_yuan
  Path of;
};

struct Option {
  std::vector<Condition> when;
  Amount amount;
  Text label;
  std::vector<Path> asks;     // facts the text requires that this option stands for when left blank: not certain money
  std::vector<Path> assumes;  // facts the reading takes as met when left blank: their proof is still to bring
};

struct Schedule {
  // Term: one total paid within a stated number of years (a support period), its instalments not stated.
  enum class Kind : uint8_t { Once, Monthly, Yearly, Term } kind = Kind::Once;
  bool periodic() const { return kind == Kind::Monthly || kind == Kind::Yearly; }
  bool count_known = true;  // false: the text states no term
  long long count = 1;
  long long max_count = 0;  // with count_from
  bool has_count_from = false;
  Path count_from;
};

struct Payer {
  std::string who, share;
};

// A sentence of the claim part (claim.json): words for the reader and the text's own words they rest on.
struct Quoted {
  Text text;
  std::string quote;  // as written in claim.json (checked against source.txt); fragments joined by " … "
  std::vector<std::string> fragments;  // where claim.json gives an array: each is checked on its own
  std::string file, path;              // where it was written, for the fidelity check
  int years_later = -1;  // `paid` only: the calendar year of payment after the year of approval (次年: 1); -1 unsaid
  bool set() const { return !quote.empty(); }
};

// How to claim a measure, from the texts only (claim.json; core/claim.cpp).
struct MeasureClaim {
  Quoted handled_by, paid, cadence;
  // Proof of a condition the text sets and no field of the situation states (烟台 (十一) “急需紧缺”工种), added to
  // what to bring.
  std::vector<Quoted> bring;
  std::string role;  // responsible_unit 责任单位, lead_unit 牵头单位, contact_unit 联系单位, issuer
};

// Words shared by every document's claim part (rules/claim.json): where to ask, and the names of the roles a text
// gives its handling units.
struct ClaimWords {
  Text ask, ask_no_unit;  // {unit} stands for the handling unit
  std::map<std::string, Text> roles;
};

struct Measure {
  std::string id, clause, kind;
  // What the measure rewards its recipient for being, when that is one thing however many events show it ("a
  // 省级以上高技能领军人才", "an honour of (九)"): the items of measures that name the same achievement, for one
  // recipient, are one achievement under a stacking rule (empty: each event's own).
  std::string achievement;
  int doc = -1;
  std::string quote;                   // fragments joined, white space of line breaks removed
  std::vector<std::string> fragments;  // as written in the rule file
  unsigned applicants = 0;             // bit per applicant kind
  std::string recipient, event;        // recipient "applicant": the applicant itself, whatever its kind
  int event_id = -1;                   // `event` as a symbol (symbols.hpp)
  // A second event type that shows the same right, for a measure without money ("also_event": a title entered with
  // the person's own skill level shows the level); "": none.
  std::string also_event;
  int also_event_id = -1;
  // The measure whose right this one shows from other facts, without money ("same_right_as": 济宁 (十五)'s 休假疗养
  // for a 全国技术能手 as for a 高级工): the items of both, for one applicant, are one item. `right`: its index, set at
  // link; -1: none.
  std::string same_right_as;
  int right = -1;
  std::vector<Condition> when;
  // A right that follows from holding a status (rules.json "held"): in force when the status is held on as_of and
  // as_of is inside the document's period, whatever day it was obtained.
  bool held = false;
  // The text names teams ("选手（团队）", "团队或个人"): a member's event with team: true shows the team's award.
  bool teams = false;
  // 新晋升: paid for a level newly reached, so a person's level below one already held is not certain (another
  // occupation's may be).
  bool new_level = false;
  // 首次: paid for a person's first event of its kind only (烟台 (十一) 首次新引进), whatever document governed it.
  bool first_only = false;
  // A platform's construction grant (威海 2021 8.): a later event of the same platform that states its review
  // (excellent_review given) is that platform's yearly review, not a new one built (terms.cpp drop_reviews_of_earlier).
  bool review_later = false;
  // A title selected in rounds (日照 5. 每3年评选一次，每次…每人给予1万元): the same title on another day may be a new
  // selection, so it runs from 0 (Item::again_of) rather than being taken as entered twice.
  bool reselected = false;
  // One level of a platform a unit may have several of (烟台 (四) 高技能人才培训基地): two items of this measure are
  // two platforms; an item of another measure naming the same `achievement` (the other level) is one of them upgraded,
  // paired with one alone, the earliest first (stacking.cpp pair_upgrades).
  bool upgrade = false;
  // A yearly review's reward (威海 2021 8. 年度考核优秀的工作室): a person's one studio has one review a year
  // (terms.cpp drop_repeated_reviews).
  bool yearly_review = false;
  int pool = -1;  // the city-wide pool or quota it counts towards (Model::pools), set at load
  // A threshold counted per calendar year (rules.json "per_year": "event.count"): the field is the sum over the
  // applicant's events of that year that meet the other conditions; one item per year.
  bool has_per_year = false;
  Path per_year;
  std::vector<Option> options;  // empty: `amount` alone
  Amount amount;
  enum class PerHead : uint8_t { No, Count, Path } per_head = PerHead::No;
  Path per_head_path;
  // What per_head counts when it is not people ("个项目" / "project" / "projects"); empty: people.
  struct Unit {
    std::string zh, en, en_many;
  } unit;
  Schedule schedule;
  std::vector<Payer> payers;
  Text what, needs, benefit;
  Text what_unit;  // `what` said of an organisation where it differs ("有职工…新晋升" for "新晋升"); empty: `what`
  // A right worth a share of a stated figure (rules.json "credit", an amount of kind percent: 烟台 (一)
  // 按投资额30%抵免): its figure is said beside the right when the situation gives the base; kind None when there is
  // none.
  Amount credit;
  Text recipient_words;  // who receives it, where the text names them ("工作室的领办人"); empty: said by its kind
  Text proof;  // what proves the event where its type's name says more than the text asks (学徒培训, not 合格)
  std::vector<Text> notes;
  bool ambiguous = false;
  std::vector<std::string> supersedes;
  // Measures of newer documents that replace this one where they also meet the same event (filled after load).
  std::vector<int> superseded_by;
  bool monetary() const;  // money in some option (fixed, range, up_to, floor, percent or unstated)
  bool unstated() const;  // some option grants money the text names no figure for
  // Parts of every result that depend on the measure alone, written once at load (render.cpp: prerender): the
  // source object, the suggestion, the clause's name ("威政办发〔2025〕3号第9条") and `what` said of an organisation.
  std::string json_source, json_source_compact, json_suggestion;
  Text where;
  std::string what_en_org;
  bool suggestion_money = false, suggestion_known = false;
  long long suggestion_max = 0;
  MeasureClaim claim;
  // The claim part's handled_by, paid, cadence and ask as JSON values, written at load (claim.cpp).
  std::string json_handled_by, json_paid, json_cadence, json_ask;
  // Texts every result writes the same way, as JSON objects ({"zh":…,"en":…}) written at load (render.cpp): each
  // note, the benefit, each option's label, the suggestion's source, and the notes on what the totals leave out.
  std::vector<std::string> json_notes, json_labels;
  std::string json_benefit, json_suggestion_source;
  enum TotalsNote { NoAmount, NoTerm, NoHeads, Floor, UpTo, kTotalsNotes };
  Text totals_notes[kTotalsNotes];
  std::string json_totals_notes[kTotalsNotes];
};

struct Stacking {
  std::string id, clause, quote, rule;
  // "highest" (就高): the highest amount is paid, so what an item it excludes is certain to bring is its floor.
  // "highest_result" (按最高成绩奖励): the best result is paid at its own amount, whatever that is set to (but a
  // result a blank fact leaves unknown, a place not given, has the same floor).
  bool lower_is_floor = true;
  int doc = -1;
  std::vector<int> measures;
  // Measures of other documents of the same city that the rule also governs (ids or prefixes ending in *, linked
  // after load): WH21 18. 同一竞赛项目按照最高成绩奖励 over the WH25 9. contest awards.
  std::vector<std::string> also;
  // "result_levels": where a rule ranks results by level (世界级、国家级、省级和市级), the levels from the highest,
  // each the event field values that place a result in it; within a level, and without levels, the amounts rank.
  std::vector<std::vector<std::pair<std::string, std::string>>> levels;
  // "medal_titles": titles conferred on a WorldSkills medallist for the medal (全国技术能手): for a person, such a
  // title dated within a season after a medal of theirs is that medal's title, one achievement with it.
  std::vector<std::string> medal_titles;
  // "applicants": the applicant kinds the rule governs (bit per kind; all when unsaid). WH21 18.'s sending unit is paid
  // once for one person's project; a unit's two results of a project may be two competitors.
  unsigned applicants = ~0u;
  std::vector<Text> notes;              // printed when the rule excludes an item
  Text where;                           // the document's number and clause, written at load
  std::vector<std::string> json_notes;  // the notes as JSON objects, written at load
};

struct Cap {
  std::string id, clause, quote;
  enum class Per : uint8_t { ApplicantYear, Applicant } per = Per::ApplicantYear;
  int doc = -1;
  long long max_yuan = 0;
  std::vector<int> measures;
  Text where;  // the document's number and clause, written at load
};

// A budget or quota shared by all the claims of a city in a year (rules.json "pools"): what no single claim can
// settle. Settled by Engine::budget (budget.cpp) across a batch of claims.
struct Pool {
  std::string id, clause, quote;
  enum class Rule : uint8_t { ProRataAbove, CapTotal, Quota } rule = Rule::ProRataAbove;
  int doc = -1;
  long long budget_yuan = 0;                                    // pro_rata_above, cap_total
  long long max_people = 0;                                     // quota
  std::vector<std::pair<std::string, long long>> payer_limits;  // who, max yuan a year (stated in the quote)
  std::vector<int> measures;
  std::vector<Text> notes;
  Text where;  // the document's number and clause, written at load
};

struct Document {
  std::string id, folder, city, number, title, issuer, period_quote;
  Day dated = 0, from = 0, to = kNoEnd;
  // false where the text states no commencement date: `from` is then its date of issue, taken as the start, and the
  // result says so rather than that it 施行 from that day (rules.json: `from` equal to `dated`, `period_quote` without
  // 施行, as 日照 2019 and 威海 2021).
  bool start_stated = true;
  Text clause_label;
  Text currency;  // how current the document is, where its own period cannot say (shown beside the total)
  std::vector<Text> notes;
  std::vector<std::pair<std::string, std::string>> target_only;  // id, clause
  std::vector<int> measures;
  std::vector<Quoted> claim_quotes;     // every quote of the document's claim.json, for the fidelity check
  std::string json_entries[3];          // its entry of a result's "documents" before, after and within its period
  std::vector<std::string> json_notes;  // the notes as JSON objects, written at load
};

struct FieldDef {
  enum class Type : uint8_t { Int, Bool, Text, Enum } type = Type::Text;
  long long min = 0, max = 0;
  size_t max_length = 100;
  std::vector<std::string> values;  // enum
  std::vector<int> value_syms;      // their symbols (symbols.hpp), in the same order
  Text label;
};

struct FieldRef {
  std::string def;                  // key into Vocabulary::fields
  int id = -1;                      // the field name's symbol (symbols.hpp)
  const FieldDef* field = nullptr;  // `def`'s definition, found at load (intern_model)
  Text label;                       // applicant fields carry their own label
  unsigned kinds = 0;
  bool city_bound = false;  // a fact about the city itself (本市社保, 驻本市): asked again in another city
};

struct EventType {
  Text label;
  int sym = -1;                                             // the type's symbol (symbols.hpp)
  std::vector<std::pair<std::string, std::string>> fields;  // name, def key (in file order)
  std::vector<const FieldDef*> defs;                        // each field's definition, found at load (prerender)
  std::vector<int> ids;                                     // each field name's symbol (symbols.hpp)
  std::vector<std::string> required;
  std::map<std::string, Text> labels;  // a field's own question where the definition's label is too general
  std::set<std::string> city_bound;    // fields that are facts about the city itself (市外引进, 本市培养)
  bool own_city = false;  // the event itself happens in the city only (留烟率较高): not carried elsewhere
};

struct Vocabulary {
  std::map<std::string, Text> cities, payers, values;
  std::map<std::string, Text> hints;    // one plain sentence explaining an id (a route, who trained), shown in the form
  std::vector<std::string> city_order;  // as vocabulary.json lists them, then as rule files add them
  // Event types as vocabulary.json lists them (the page offers them in this order: a skill level first); types a rule
  // file adds come after, by name.
  std::vector<std::string> event_type_order;
  std::vector<std::pair<std::string, Text>> applicant_kinds;  // ordered: the bit of a kind is its index
  std::map<std::string, FieldRef> applicant_fields;
  std::map<std::string, EventType> event_types;
  std::map<std::string, FieldDef> fields;
  // Values that are one city's own (a city contest, a city title or platform): "" for the situation's own city
  // ("city_bound": true), else the city named ("city": "weihai"). Compare carries such an event to that city only.
  std::map<std::string, std::string> value_city;
  Symbols symbols;
  // Found by symbol (every id above is one, symbols.hpp; filled at load by intern_model): `values`' labels, the
  // event types and the applicant fields (null: none).
  std::vector<const Text*> label_of_symbol;
  std::vector<const EventType*> event_type_of_symbol;
  std::vector<const FieldRef*> applicant_field_of_symbol;
  int kind_index(const std::string& k) const;
  const Text* label(const std::string& id) const;
};

struct Model {
  Vocabulary vocab;
  std::vector<Document> documents;  // sorted by (city, from, id)
  std::vector<Measure> measures;
  std::vector<Stacking> stackings;
  std::vector<Cap> caps;
  std::vector<Pool> pools;
  ClaimWords claim_words;
  std::string version;
  std::map<std::string, std::vector<int>> city_documents;  // listed at load (intern_model)
  // Per city, per event type (by its symbol): the measures of the city's documents for events of that type, in
  // document order (intern_model). A city with a measure whose type has no symbol is not listed.
  std::map<std::string, std::vector<std::vector<int>>> city_type_measures;
  // The documents of a city, in order (valid until the next call for a city intern_model has not listed).
  const std::vector<int>& docs_of_city(const std::string& city) const;
  // The measures of a city that an event of type `type_sym` may meet, in document order; null when not listed.
  const std::vector<int>* measures_of_type(const std::string& city, int type_sym) const {
    auto found = city_type_measures.find(city);
    if (type_sym < 0 || found == city_type_measures.end() || static_cast<size_t>(type_sym) >= found->second.size())
      return nullptr;
    return &found->second[static_cast<size_t>(type_sym)];
  }
};

}  // namespace skillcalc
