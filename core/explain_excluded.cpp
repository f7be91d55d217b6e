// Why an item is excluded (part of "explain"): the 就高 or 按最高成绩 rule and the item it gives way to, or the steps
// of terms.cpp that count a title, a first, a review or a contest result once.
#include "explain.hpp"

namespace skillcalc {

namespace {

// A result of the same contest project, tier and day as the winner's: entered twice, or another place of the day.
void same_result_words(Words& w, const Situation& s, const Evaluation& ev, const Item& it, const Item& win) {
  const Event &mine = event_of(ev, s, it), &first = event_of(ev, s, win);
  bool same = true;
  for (const char* f : {"prize", "rank", "medal"}) {
    const Value *x = mine.fields.get(f), *y = first.fields.get(f);
    if (!x != !y || (x && (x->kind != y->kind || x->s != y->s || x->i != y->i))) same = false;
  }
  if (same) {
    cat(w.zh, "但这与事件“", first.id, "”是同一竞赛项目、同一天的同一成绩：按重复录入计，本项不重复发放。");
    cat(w.en, " But this is the same result of the same contest project on the same day as event “", first.id,
        "”: taken as entered twice, so it is not paid twice.");
    return;
  }
  cat(w.zh, "但这与事件“", first.id,
      "”是同一竞赛项目、同一天的另一名次：一人在一个项目的一次比赛中只取得一个名次，这里按较高的一项计算，请核对所填名"
      "次。");
  cat(w.en, " But event “", first.id,
      "” is another place in the same contest project on the same day: one competes for one place in a project, so "
      "the higher is counted here; check the places entered.");
}

}  // namespace

void excluded_words(Words& w, const Model& m, const Situation& s, const Evaluation& ev, const Item& it) {
  const Item& win = ev.items[it.excluded_by];
  if (it.stacking == kFirstOnly) {  // 首次 (terms.cpp drop_later_firsts)
    const Event& first = event_of(ev, s, win);
    cat(w.zh, "但原文为“首次”：事件“", first.id, "”（", DayZh{first.date}, "）已是首次，本次不是首次，本项不发。");
    cat(w.en, " But the text says 'first': event “", first.id, "” (", DayEn{first.date},
        ") was the first, so this one is not, and it is not paid.");
    return;
  }
  if (it.stacking == kReviewOfEarlier) {  // terms.cpp drop_reviews_of_earlier
    const Event& built = event_of(ev, s, win);
    cat(w.zh, "但本事件填写了考核结果，按事件“", built.id, "”（", DayZh{built.date},
        "）所建同一平台的年度考核计算，建设补助已按该事件计入，不重复发放；如确系另建的一个新平台，请不要填写考核结果，"
        "考核"
        "另作一个事件填写。");
    cat(w.en, " But this event states a review, so it is taken as the yearly review of the platform built at event “",
        built.id, "” (", DayEn{built.date},
        "), whose construction grant is already counted and is not paid twice; if it is another platform newly built, "
        "leave the review blank and enter the review as its own event.");
    return;
  }
  if (it.stacking == kSameReview) {  // terms.cpp drop_repeated_reviews
    cat(w.zh, "但这与事件“", s.events[win.event].id, "”是同一天的同一年度考核：按重复录入计，本项不重复发放。");
    cat(w.en, " But this is the same yearly review on the same day as event “", s.events[win.event].id,
        "”: taken as entered twice, so it is not paid twice.");
    return;
  }
  if (it.stacking == kSameResult) {  // terms.cpp drop_repeated_results
    same_result_words(w, s, ev, it, win);
    return;
  }
  if (it.stacking < 0) {  // the same title entered twice (terms.cpp)
    const std::string& first = win.event >= 0 ? s.events[win.event].id : std::string();
    if (win.event < 0 || s.events[win.event].date == event_of(ev, s, it).date) {
      cat(w.zh, "但这与事件“", first, "”是同一称号、同一日期：按重复录入计，本项不重复发放。");
      cat(w.en, " But this is the same title on the same day as event “", first,
          "”: taken as entered twice, so it is not paid twice.");
      return;
    }
    cat(w.zh, "但这与事件“", first,
        "”是同一称号：原文奖励的是获得此称号，未写明再次获评的再次奖励，这里按一次计算；如确系再次评选，请向主管部门确"
        "认。");
    cat(w.en, " But this is the same title as event “", first,
        "”: the text rewards obtaining the title and does not say a second selection is rewarded again, so it is "
        "counted once here; if it truly was a second selection, ask the department in charge.");
    return;
  }
  const Stacking& st = m.stackings[it.stacking];
  const Text& win_at = m.measures[win.measure].where;
  bool result = st.rule == "highest_result";
  cat(w.zh, "但按", st.where.zh, result ? "，同一竞赛项目只按最高成绩奖励一次（" : "，同一成就只按最高一项发放（",
      win_at.zh, "，");
  // A plan's winner brings what it adds to a result already due: named here by what it pays in all.
  long long win_min = win.counted ? win.whole_min : win.total_min,
            win_max = win.counted ? win.whole_max : win.total_max;
  win.total_known ? put(w.zh, SpanZh{win_min, win_max}) : put(w.zh, "金额未定");
  cat(w.en, " But ", st.where.en,
      result ? " rewards one contest project once, for its best result ("
             : " pays one achievement once, at the highest amount (",
      win_at.en, ", ");
  win.total_known ? put(w.en, SpanEn{win_min, win_max}) : put(w.en, "amount open");
  const bool floor = win.floor_by >= 0 && &ev.items[win.floor_by] == &it;
  const bool ceiling = win.ceil_raised && &ev.items[win.ceil_by] == &it;
  if (!floor && !ceiling) {
    put(w.zh, "），本项不发。");
    put(w.en, "), so this item is not paid.");
    return;
  }
  // This item is the winner's floor (evaluate.cpp raise_floor) or, a cap having cut the winner, its ceiling
  // (caps.cpp cap_ceilings): should the winner bring less, this one is paid instead.
  const long long mine = floor ? it.total_min : win.total_max;
  cat(w.zh, "），本项不另发；但若该项低于本项的", floor ? "" : "最多", YuanZh{mine}, "，按本项发放，所以该项的合计");
  cat(w.en, "), so this item is not paid besides it; should that bring less than this item's ", floor ? "" : "up to ",
      YuanEn{mine}, ", this item is paid instead, so that item counts ");
  if (floor) cat(w.zh, "至少计", YuanZh{win.total_min}), cat(w.en, "at least ", YuanEn{win.total_min});
  if (floor && ceiling) put(w.zh, "、"), put(w.en, " and ");
  if (ceiling) cat(w.zh, "最多计", YuanZh{win.total_max}), cat(w.en, "at most ", YuanEn{win.total_max});
  put(w.zh, "。");
  put(w.en, ".");
}

}  // namespace skillcalc
