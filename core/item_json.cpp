#include "item_json.hpp"

#include "claim.hpp"
#include "explain.hpp"

namespace skillcalc {

namespace {

void amount_json(JsonWriter& w, const Item& it) {
  const Amount& a = *it.amount;
  w.key("amount").begin_object();
  switch (a.kind) {
    case Amount::Kind::Fixed:
      w.field("kind", "fixed").field("yuan", a.yuan);
      break;
    case Amount::Kind::Range:
      w.field("kind", "range").field("min_yuan", a.min_yuan).field("max_yuan", a.max_yuan);
      break;
    case Amount::Kind::UpTo:
      w.field("kind", "up_to").field("max_yuan", a.max_yuan);
      break;
    case Amount::Kind::Floor:
      w.field("kind", "floor").field("min_yuan", a.min_yuan);
      break;
    case Amount::Kind::Percent:
      w.field("kind", "percent")
          .field("percent", a.percent)
          .field("of", a.of.text())
          .field("base_yuan", it.base)
          .field("yuan", it.unit_max)
          .field("fen", it.percent_fen);
      if (a.has_cap) w.field("max_yuan", a.max_yuan);
      break;
    case Amount::Kind::Unstated:
      w.field("kind", "unstated");
      break;
    case Amount::Kind::None:
      w.field("kind", "none");
      break;
  }
  w.end_object();
}

void schedule_json(JsonWriter& w, const Measure& x, const Item& it) {
  w.key("schedule").begin_object();
  if (x.schedule.kind == Schedule::Kind::Once) {
    w.field("kind", "once");
  } else if (x.schedule.kind == Schedule::Kind::Term) {
    w.field("kind", "term").field("count", x.schedule.count);
  } else {
    w.field("kind", x.schedule.kind == Schedule::Kind::Monthly ? "monthly" : "yearly");
    if (!it.periods_known)
      w.key("count").null();
    else
      w.field("count", it.periods_max);
    if (it.periods_min != it.periods_max) w.field("min_count", it.periods_min);
    // The first months of this term that an earlier term of the same allowance already pays: its own begin after.
    if (it.overlap_periods > 0) w.field("overlap", it.overlap_periods);
    // …or that an earlier term begun before the document may pay: not certain here (the rest is).
    if (it.prior_term_periods > 0) w.field("earlier_term", it.prior_term_periods);
  }
  w.end_object();
}

void text_json(JsonWriter& w, std::string_view key, std::string_view zh, std::string_view en) {
  w.key(key).begin_object().field("zh", zh).field("en", en).end_object();
}

// The item's head, the same in both forms up to the amount: clause, status, events, recipient, certainty.
void head_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  w.begin_object().field("clause_id", m.measures[it.measure].id).field("status", status_name(it.status));
  w.key("event_ids").begin_array();
  if (it.more_events.empty()) {
    if (it.event >= 0) w.str(s.events[it.event].id);
  } else {  // in date order: a year's threshold (its last event is the item's), a right of several events
    thread_local std::vector<int> order;
    order.assign(it.more_events.begin(), it.more_events.end());
    order.push_back(it.event);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {  // of one day, e2 before e10
      const Event &x = s.events[a], &y = s.events[b];
      return x.date != y.date ? x.date < y.date : natural_less(x.id, y.id);
    });
    for (int e : order) w.str(s.events[e].id);
  }
  w.end_array();
  w.field("recipient", it.recipient).key("for_applicant").boolean(it.for_applicant);
  if (it.team) w.key("team").boolean(true);
  // Outside its document's period, or where a newer document governs, an item brings nothing whatever the facts:
  // nothing is asked for it.
  if (!it.uncertain() || it.status == Status::OutsidePeriod || it.status == Status::Superseded) return;
  w.key("certain").boolean(false);
  w.key("missing").begin_array();
  const Event& e = event_of(ev, s, it);
  for (auto& p : facts_asked(it)) {
    auto [zh, en] = field_label(m, e, p);
    w.begin_object().field("field", p.text()).field("zh", zh).field("en", en).end_object();
  }
  w.end_array();
}

void payers_json(JsonWriter& w, const Measure& x) {
  w.key("payers").begin_array();
  for (auto& p : x.payers) w.begin_object().field("who", p.who).field("share", p.share).end_object();
  w.end_array();
}

// "capped_by": the cap or pool (`what`) that cut the item, its limit and the sum before the cut.
void capped_by_json(JsonWriter& w, const char* what, const std::string& id, long long max_yuan, long long lo,
                    long long hi) {
  w.key("capped_by").begin_object().field(what, id).field("max_yuan", max_yuan);
  span_json(w, "before", lo, hi);
  w.end_object();
}

// Why an item is not paid as it stands, as data: the winner of a stacking rule, the newer measure, the cap or pool.
void settled_by_json(JsonWriter& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  if (it.status == Status::Excluded) {
    const Item& win = ev.items[it.excluded_by];
    w.key("excluded_by").begin_object().field("clause_id", m.measures[win.measure].id).key("event_ids").begin_array();
    if (win.event >= 0) w.str(s.events[win.event].id);
    std::string_view rule = it.stacking >= 0                  ? std::string_view(m.stackings[it.stacking].id)
                            : it.stacking == kFirstOnly       ? "first_only"
                            : it.stacking == kReviewOfEarlier ? "review_of_earlier"
                            : it.stacking == kSameReview      ? "same_review"
                            : it.stacking == kSameResult      ? "same_result"
                                                              : "same_title";
    w.end_array().field("rule", rule);
    w.end_object();
  }
  if (it.status == Status::Superseded)
    w.key("superseded_by")
        .begin_object()
        .field("clause_id", m.measures[it.superseded_by].id)
        .field("document", m.documents[m.measures[it.superseded_by].doc].number)
        .end_object();
  if (it.status == Status::Capped && it.capped_by >= 0) {
    const Cap& c = m.caps[it.capped_by];
    capped_by_json(w, "cap", c.id, c.max_yuan, it.before_cap_min, it.before_cap_max);
  } else if (it.status == Status::Capped && it.pooled_by >= 0) {
    const Pool& p = m.pools[it.pooled_by];
    capped_by_json(w, "pool", p.id, p.budget_yuan, it.before_pool_min, it.before_pool_max);
  }
}

}  // namespace

void span_json(JsonWriter& w, std::string_view key, long long lo, long long hi) {
  w.key(key).begin_object().field("min_yuan", lo).field("max_yuan", hi).end_object();
}

void item_json(JsonWriter& w, Words& scratch, const Model& m, const Situation& s, const Evaluation& ev, const Item& it,
               bool compact) {
  const Measure& x = m.measures[it.measure];
  head_json(w, m, s, ev, it);
  amount_json(w, it);
  bool heads = x.per_head != Measure::PerHead::No;
  if (heads && it.heads_unknown) w.key("heads").null();  // a number the user left blank
  if (heads && !it.heads_unknown) w.field("heads", it.heads);
  if (heads && it.heads_assumed && !it.heads_unknown) w.key("heads_assumed").boolean(true);  // not given: 1 counted
  if (heads && !x.unit.zh.empty()) text_json(w, "unit", x.unit.zh, x.unit.en);
  schedule_json(w, x, it);
  if (it.total_known)
    span_json(w, "total", it.total_min, it.total_max);
  else
    w.key("total").null();
  payers_json(w, x);
  if (x.pool >= 0 && it.counts()) w.field("pool", m.pools[static_cast<size_t>(x.pool)].id);
  w.key("source").raw(compact ? x.json_source_compact : x.json_source);
  if (!compact) {
    scratch.clear();
    explain(scratch, m, s, ev, it);
    text_json(w, "explain", scratch.zh, scratch.en);
    // Who receives another's money, where the text names them (选送单位): more than the recipient's kind says.
    if (!it.for_applicant && !x.recipient_words.zh.empty())
      text_json(w, "recipient_words", x.recipient_words.zh, x.recipient_words.en);
  }
  if (it.option >= 0) w.key("option").raw(x.json_labels[static_cast<size_t>(it.option)]);
  if (it.status == Status::NonMonetary) w.key("benefit").raw(x.json_benefit);
  if (x.ambiguous || it.team_unsaid) w.key("ambiguous").boolean(true);
  if (!compact && (it.counts() || it.status == Status::NonMonetary)) claim_json(w, m, s, ev, it);
  if (it.planned) w.key("planned").boolean(true);
  settled_by_json(w, m, s, ev, it);
  w.end_object();
}

std::string text_json(const Text& t) {
  JsonWriter w;
  w.begin_object().field("zh", t.zh).field("en", t.en).end_object();
  return w.take();
}

}  // namespace skillcalc
