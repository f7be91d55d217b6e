// Why the winner of a stacking rule counts more or less than its own money (part of "explain"): the floor or the
// ceiling of an item it excluded, and an earlier result of the achievement that may have been paid already.
#include "explain.hpp"

namespace skillcalc {

namespace {

// The winner of a stacking rule whose floor is what an item it excluded is certain to bring (evaluate.cpp raise_floor).
void floor_words(Words& w, const Model& m, const Evaluation& ev, const Item& it) {
  const Item& low = ev.items[it.floor_by];
  const Stacking& st = m.stackings[low.stacking];
  const Text& low_at = m.measures[low.measure].where;
  cat(w.zh, "按", st.where.zh, "，同一成就只按最高一项发放：本项若低于", low_at.zh, "的", YuanZh{low.total_min},
      "，则按后者发放");
  cat(w.en, " Under ", st.where.en,
      " one achievement is paid once, at the highest amount: should this bring less than ", low_at.en, "'s ",
      YuanEn{low.total_min}, ", that is paid instead");
  if (it.floor_cap >= 0) {  // that item's cap leaves it less (caps.cpp cap: a floor entry)
    const Cap& c = m.caps[static_cast<size_t>(it.floor_cap)];
    cat(w.zh, "；但后者受“", c.quote, "”所限，同期其他项目已计入后最多只能再计", YuanZh{it.floor_room});
    cat(w.en, "; but that is capped (", c.quote, "), and with the period's other items counted it can bring at most ",
        YuanEn{it.floor_room});
  }
  cat(w.zh, "，所以合计至少计", YuanZh{it.total_min}, "。");
  cat(w.en, ", so the totals count at least ", YuanEn{it.total_min}, ".");
}

// The winner of a stacking rule that a cap cut below what an item it excluded may bring (caps.cpp cap_ceilings).
void ceiling_words(Words& w, const Model& m, const Evaluation& ev, const Item& it) {
  const Item& low = ev.items[it.ceil_by];
  const Stacking& st = m.stackings[low.stacking];
  const Text& low_at = m.measures[low.measure].where;
  cat(w.zh, "按", st.where.zh, "，同一成就只按最高一项发放：本项若低于", low_at.zh, "最多可发的", YuanZh{it.total_max},
      "，则按后者发放，所以合计最多计", YuanZh{it.total_max}, "。");
  cat(w.en, " Under ", st.where.en,
      " one achievement is paid once, at the highest amount: should this bring less than the up to ",
      YuanEn{it.total_max}, " that ", low_at.en, " may bring, that is paid instead, so the totals count at most ",
      YuanEn{it.total_max}, ".");
}

// The best of one achievement whose excluded results came earlier (全国技术能手 in 2025, 中华技能大奖 in 2027): the
// earlier may have been paid when it happened; then only the difference is still due.
void paid_before_words(Words& w, const Situation& s, const Evaluation& ev, const Item& it) {
  const Day when = event_of(ev, s, it).date;
  const Item* before = nullptr;  // the highest of them
  for (const Item& o : ev.items)
    if (o.status == Status::Excluded && o.stacking >= 0 && &ev.items[static_cast<size_t>(o.excluded_by)] == &it &&
        o.event >= 0 && !o.planned && o.total_known && event_of(ev, s, o).date < when &&
        (!before || o.total_max > before->total_max))
      before = &o;
  if (!before) return;
  const Event& e = event_of(ev, s, *before);
  if (it.paid_before_max >= 0) {  // stacking.cpp keep_paid_before
    cat(w.zh, "同一成就此前的事件“", e.id, "”（", DayZh{e.date}, "）可获", SpanZh{before->total_min, before->total_max},
        "，高于本项的", YuanZh{it.paid_before_max},
        "：若当时已按该项发放，已发的不因之后取得的更高级别成绩而退回，本项不再补发；若尚未发放，按最高成绩只发本项。所"
        "以"
        "合计计",
        SpanZh{it.total_min, it.total_max}, "（不重复）。");
    cat(w.en, " Event “", e.id, "” of the same achievement came earlier (", DayEn{e.date}, ") and brings ",
        SpanEn{before->total_min, before->total_max}, ", more than this item's ", YuanEn{it.paid_before_max},
        ": if that was paid when it happened, it is not taken back for the higher-level result that came after, and "
        "nothing more is paid here; if not yet paid, only this best result is. So the totals count ",
        SpanEn{it.total_min, it.total_max}, " (once).");
    return;
  }
  long long lo = std::max(0LL, it.total_min - before->total_max), hi = std::max(0LL, it.total_max - before->total_min);
  cat(w.zh, "同一成就此前的事件“", e.id, "”（", DayZh{e.date}, "）可获", SpanZh{before->total_min, before->total_max},
      "；若当时已按该项发放，本项只应补发差额", SpanZh{lo, hi}, "（合计按最高一项计，不重复）。");
  cat(w.en, " Event “", e.id, "” of the same achievement came earlier (", DayEn{e.date}, ") and brings ",
      SpanEn{before->total_min, before->total_max}, "; if that was paid when it happened, only the difference, ",
      SpanEn{lo, hi}, ", is still due here (the totals count the highest once).");
}

}  // namespace

void stacked_words(Words& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  if (it.floor_by >= 0) floor_words(w, m, ev, it);
  if (it.ceil_raised) ceiling_words(w, m, ev, it);
  if (it.counts() && !it.planned) paid_before_words(w, s, ev, it);
}

}  // namespace skillcalc
